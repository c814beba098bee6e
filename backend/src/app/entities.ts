import type { EntityClass } from '../platform/database/orm.js';
import { User } from '../../aggregates/identity/user.aggregate.js';
import { Course, CourseModule, Lesson } from '../../aggregates/course/course.aggregate.js';

/** Every aggregate entity the write side maps. */
export const ENTITIES: EntityClass[] = [User, Course, CourseModule, Lesson];
