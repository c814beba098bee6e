import type { EntityClass } from '../platform/database/orm.js';
import { User } from '../../aggregates/identity/user.aggregate.js';
import { Course, CourseModule, Lesson } from '../../aggregates/course/course.aggregate.js';
import { Enrollment, LessonCompletion } from '../../aggregates/enrollment/enrollment.aggregate.js';
import { Notification } from '../../aggregates/notification/notification.aggregate.js';
import { Payment } from '../../aggregates/payment/payment.aggregate.js';
import { Review } from '../../aggregates/review/review.aggregate.js';

/** Every aggregate entity the write side maps. */
export const ENTITIES: EntityClass[] = [
  User,
  Course,
  CourseModule,
  Lesson,
  Review,
  Payment,
  Enrollment,
  LessonCompletion,
  Notification,
];
