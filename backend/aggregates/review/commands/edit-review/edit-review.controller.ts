import { Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { ReviewsQuery, reviewView, type ReviewView } from '../../queries/reviews.query.js';
import { comment, rating } from '../../review.dto.js';
import { EditReviewCommand } from './edit-review.handler.js';

const editBody = z
  .strictObject({ rating: rating.optional(), comment: comment.optional() })
  .refine((b) => b.rating !== undefined || b.comment !== undefined, 'give a rating or a comment');

@ApiTags('course')
@Controller('api/course/reviews')
export class EditReviewController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reviews: ReviewsQuery,
  ) {}

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
}
