import { Module } from '@nestjs/common';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { LearningProgressController } from '../../projections/learning-progress/learning-progress.controller.js';
import { LearningProgressQuery } from '../../projections/learning-progress/learning-progress.query.js';
import { PaymentModule } from '../payment/payment.module.js';
import { CompleteLessonController } from './commands/complete-lesson/complete-lesson.controller.js';
import { CompleteLessonHandler } from './commands/complete-lesson/complete-lesson.handler.js';
import { EnrollController } from './commands/enroll/enroll.controller.js';
import { EnrollHandler } from './commands/enroll/enroll.handler.js';
import { CourseLessonsReader } from './course-lessons.reader.js';
import { EnrollmentLoader } from './enrollment.loader.js';

@Module({
  imports: [CatalogQueriesModule, PaymentModule],
  controllers: [EnrollController, CompleteLessonController, LearningProgressController],
  providers: [EnrollHandler, CompleteLessonHandler, CourseLessonsReader, EnrollmentLoader, LearningProgressQuery],
})
export class EnrollmentModule {}
