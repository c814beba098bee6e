import { Inject, Injectable } from '@nestjs/common';
import { AggregateActors } from '../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../src/platform/domain/clock.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { Course } from './course.aggregate.js';
import { assertOwnedBy } from './course.policies.js';

/** Runs a change on one course for its owner: loads the whole aggregate, checks ownership, saves with its events. */
@Injectable()
export class CourseEditor {
  constructor(
    private readonly actors: AggregateActors,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  edit<R>(courseId: string, owner: AuthUser, change: (course: Course, now: Date) => R): Promise<R> {
    return this.actors.run(courseId, async (uow) => {
      const course = await uow.em.findOne(Course, { id: courseId }, { populate: ['modules', 'modules.lessons'] });
      if (!course) throw new DomainError('course-not-found', 'Course not found');
      assertOwnedBy(course, owner);
      const result = change(course, this.clock.now());
      uow.track(course);
      return result;
    });
  }
}
