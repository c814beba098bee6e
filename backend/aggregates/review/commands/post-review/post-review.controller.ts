import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { ReviewsQuery, reviewView, type ReviewView } from '../../queries/reviews.query.js';
import { comment, rating } from '../../review.dto.js';
import { PostReviewCommand } from './post-review.handler.js';

const postBody = z.strictObject({
  course_id: z.uuid({ error: 'must be a UUID' }),
  rating,
  comment: comment.default(''),
});

@ApiTags('course')
@Controller('api/course/reviews')
export class PostReviewController {
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
}
