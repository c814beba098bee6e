import { Controller, Get, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, SignedIn } from '../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../src/platform/http/responses.js';
import { UuidParam, ValidBody, ValidQuery, pageQuery, type PageQuery } from '../../../src/platform/http/validation.js';
import { PostReviewCommand } from '../commands/post-review/post-review.handler.js';
import { EditReviewCommand } from '../commands/edit-review/edit-review.handler.js';
import { comment, rating } from '../review.dto.js';
import { ReviewsQuery, reviewPage, reviewView, type ReviewView } from './reviews.query.js';

const postBody = z.strictObject({
  course_id: z.uuid({ error: 'must be a UUID' }),
  rating,
  comment: comment.default(''),
});
const editBody = z
  .strictObject({ rating: rating.optional(), comment: comment.optional() })
  .refine((b) => b.rating !== undefined || b.comment !== undefined, 'give a rating or a comment');

@ApiTags('course')
@Controller('api/course/reviews')
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reviews: ReviewsQuery,
  ) {}

  @Responds(reviewView)
  @Post()
  @SignedIn('student')
  async post(
    @CurrentUser() student: AuthUser,
    @ValidBody(postBody) body: z.infer<typeof postBody>,
  ): Promise<ReviewView> {
    const review = await this.commands.execute(
      new PostReviewCommand(student, body.course_id, body.rating, body.comment),
    );
    return this.reviews.byId(review.id);
  }

  @Responds(reviewView)
  @Put(':id')
  @SignedIn()
  async edit(
    @CurrentUser() author: AuthUser,
    @UuidParam('id') id: string,
    @ValidBody(editBody) body: z.infer<typeof editBody>,
  ): Promise<ReviewView> {
    await this.commands.execute(new EditReviewCommand(author, id, body));
    return this.reviews.byId(id);
  }

  @Responds(reviewPage)
  @Get('course/:id')
  @Public()
  ofCourse(@UuidParam('id') courseId: string, @ValidQuery(pageQuery) query: PageQuery) {
    return this.reviews.ofCourse(courseId, query.limit, query.offset);
  }
}
