import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { Review } from '../../review.aggregate.js';

export class EditReviewCommand extends Command<Review> {
  constructor(
    readonly author: AuthUser,
    readonly reviewId: string,
    readonly patch: { rating?: number; comment?: string },
  ) {
    super();
  }
}

@CommandHandler(EditReviewCommand)
export class EditReviewHandler implements ICommandHandler<EditReviewCommand, Review> {
  constructor(
    private readonly actors: AggregateActors,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ author, reviewId, patch }: EditReviewCommand): Promise<Review> {
    return this.actors.run(reviewId, async (uow) => {
      const review = await uow.em.findOne(Review, { id: reviewId });
      if (!review) throw new DomainError('review-not-found', 'Review not found');
      review.edit({ authorId: author.id, ...patch }, this.clock.now());
      return uow.track(review);
    });
  }
}
