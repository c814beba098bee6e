import { Module } from '@nestjs/common';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { EditReviewHandler } from './commands/edit-review/edit-review.handler.js';
import { PostReviewHandler } from './commands/post-review/post-review.handler.js';
import { ReviewsController } from './queries/reviews.controller.js';
import { ReviewsQuery } from './queries/reviews.query.js';

@Module({
  imports: [CatalogQueriesModule],
  controllers: [ReviewsController],
  providers: [PostReviewHandler, EditReviewHandler, ReviewsQuery],
})
export class ReviewModule {}
