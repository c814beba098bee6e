import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { Course } from '../../course.aggregate.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
import type { CreateCourseBody } from '../../course.dto.js';
import { assertMayManageCourses } from '../../course.policies.js';

export class CreateCourseCommand extends Command<Course> {
  constructor(
    readonly teacher: AuthUser,
    readonly body: CreateCourseBody,
  ) {
    super();
  }
}

@CommandHandler(CreateCourseCommand)
export class CreateCourseHandler implements ICommandHandler<CreateCourseCommand, Course> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly facts: CourseFactsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ teacher, body }: CreateCourseCommand): Promise<Course> {
    assertMayManageCourses(teacher, await this.facts.isVerifiedNow(teacher));
    const id = randomUUID();
    return this.actors.run(id, async (uow) =>
      uow.add(
        Course.create({
          id,
          teacherId: teacher.id,
          title: body.title,
          description: body.description,
          isFree: body.is_free,
          price: body.price ?? undefined,
          durationMinutes: body.duration_minutes,
          level: body.level,
          now: this.clock.now(),
        }),
      ),
    );
  }
}
