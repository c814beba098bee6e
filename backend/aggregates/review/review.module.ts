import { Module } from '@nestjs/common';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { EnrollmentRecords } from '../enrollment/enrollment-records.js';
import { EditReviewController } from './commands/edit-review/edit-review.controller.js';
import { EditReviewHandler } from './commands/edit-review/edit-review.handler.js';
import { PostReviewController } from './commands/post-review/post-review.controller.js';
import { PostReviewHandler } from './commands/post-review/post-review.handler.js';
import { ReviewsController } from './queries/reviews.controller.js';
import { ReviewsQuery } from './queries/reviews.query.js';

@Module({
  imports: [CatalogQueriesModule],
  controllers: [PostReviewController, EditReviewController, ReviewsController],
  providers: [PostReviewHandler, EditReviewHandler, ReviewsQuery, EnrollmentRecords],
})
export class ReviewModule {}
