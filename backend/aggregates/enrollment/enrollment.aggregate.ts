import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import {
  decideCompleteLesson,
  decideEnroll,
  enrollmentDecider,
  type EnrollmentEvent,
  type LessonCompletionState,
  type StudentEnrollment,
} from './enrollment.decider.js';
import type { EnrollmentStatus } from './enrollment.events.js';

@Entity({ schema: 'enrollment', tableName: 'lesson_completions' })
export class LessonCompletion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Enrollment, { fieldName: 'enrollment_id' })
  enrollment!: Rel<Enrollment>;

  @Property({ type: 'uuid' })
  lessonId!: string;

  @Property({ type: 'datetime' })
  completedAt!: Date;
}

/** One student's enrollment in one course with its completed lessons, as stored; decided in enrollment.decider.ts. */
@Entity({ schema: 'enrollment', tableName: 'enrollments' })
export class Enrollment extends DecidedAggregate<StudentEnrollment, EnrollmentEvent> {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  studentId!: string;

  @Property({ type: 'uuid' })
  courseId!: string;

  @Property({ type: 'uuid', nullable: true })
  paymentId!: string | null;

  @Property({ type: 'string' })
  status!: EnrollmentStatus;

  @Property({ type: 'datetime' })
  enrolledAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  completedAt!: Date | null;

  @Property({ type: 'uuid', nullable: true })
  certificateId!: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  /**
   * The completions this command adds, saved with the enrollment. Those stored before are `completedBefore`:
   * facts that never change, kept out of MikroORM's identity map so that a student's fortieth lesson does not
   * map and diff thirty-nine entities.
   */
  @OneToMany(() => LessonCompletion, (completion) => completion.enrollment)
  newCompletions = new Collection<LessonCompletion>(this);

  /** The completions stored before this command, as loaded (not an entity property: never saved from here). */
  completedBefore: readonly LessonCompletionState[] = [];

  get aggregateType(): string {
    return 'Enrollment';
  }

  get serviceSchema(): OutboxSchema {
    return 'enrollment';
  }

  protected get decider() {
    return enrollmentDecider;
  }

  static enroll(facts: Parameters<typeof decideEnroll>[1], existing?: StudentEnrollment): Enrollment {
    const enrollment = new Enrollment();
    enrollment.version = 1;
    enrollment.apply(decideEnroll(existing, facts), enrollmentDecider.initial());
    return enrollment;
  }

  completeLesson(facts: Parameters<typeof decideCompleteLesson>[1]): StudentEnrollment {
    return this.apply(decideCompleteLesson(this.state(), facts));
  }

  state(): StudentEnrollment {
    const { id, studentId, courseId, paymentId, status, enrolledAt, completedAt, certificateId } = this;
    const completions = [
      ...this.completedBefore,
      ...this.newCompletions.getItems().map(({ id, lessonId, completedAt }) => ({ id, lessonId, completedAt })),
    ];
    return { id, studentId, courseId, paymentId, status, enrolledAt, completedAt, certificateId, completions };
  }

  protected writeState({ completions, ...enrollment }: StudentEnrollment): void {
    Object.assign(this, enrollment);
    // Completions are only ever added.
    const known = new Set([...this.completedBefore, ...this.newCompletions.getItems()].map((c) => c.id));
    for (const { id, lessonId, completedAt } of completions) {
      if (known.has(id)) continue;
      const completion = Object.assign(new LessonCompletion(), { id, lessonId, completedAt, enrollment: this });
      this.newCompletions.add(completion);
    }
  }
}
