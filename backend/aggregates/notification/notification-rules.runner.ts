import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AggregateActors } from '../../src/platform/actors/aggregate-actors.js';
import type { UnitOfWork } from '../../src/platform/actors/unit-of-work.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { claimEvents, type Policy } from '../../src/platform/policy/policy.js';
import { handlerMap } from '../../src/platform/projection/projection.js';
import { courseOfEvent, type AnyEvent, type EventMap } from '../event-catalogue.js';
import { decideSendNotice, type Notice, type SendNotice } from './notification.decider.js';
import { Notification } from './notification.aggregate.js';
import { notificationRules, type CourseFacts, type NoticeFacts } from './notification-rules.js';

/** The same event always yields the same notification id per recipient, so a redelivered event sends nothing new. */
function noticeId(eventId: string, userId: string): string {
  const h = createHash('sha256').update(`${eventId}:${userId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * SendNotice for many notices in one unit of work: a notice whose id exists already was sent before and is
 * skipped (no duplicate key, no second notification).
 */
async function sendNotices(uow: UnitOfWork, orders: readonly SendNotice[]): Promise<void> {
  if (orders.length === 0) return;
  const existing = await uow.em.find(Notification, { id: { $in: orders.map((order) => order.id) } });
  const states = new Map(existing.map((notification) => [notification.id, notification.state()]));
  for (const order of orders) {
    const events = decideSendNotice(states.get(order.id), order);
    if (events.length === 0) continue;
    const notification = uow.add(Notification.create(events));
    states.set(notification.id, notification.state());
  }
}

/**
 * The notification rules as a policy: each batch of events the runner delivers becomes the notices the rules
 * call for, sent as SendNotice through the actor runner as ONE command that also claims the events
 * — new Notification aggregates with their real versions, and NotificationCreated in the notification outbox
 * for the live push (notification-push). A redelivered event is claimed already, and its notices exist: it
 * sends nothing twice.
 */
@Injectable()
export class NotificationRulesPolicy implements Policy {
  static readonly policyName = 'notification-rules';
  readonly name = NotificationRulesPolicy.policyName;
  readonly handlers = handlerMap<EventMap, [NoticeFacts], Notice[]>(notificationRules);

  constructor(
    private readonly actors: AggregateActors,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
  ) {}

  async apply(events: readonly AnyEvent[]): Promise<DomainEvent[]> {
    if (events.length === 0) return [];
    // Read once for the batch, before the command: a retried command reuses them.
    const facts = await this.facts(events);
    // The mailbox is the batch's: a copy of it redelivered to this process waits, then finds it claimed.
    return this.actors.run(`${this.name}:${events[0].id}`, async (uow) => {
      const claimed = await claimEvents(uow, this.name, events);
      await sendNotices(
        uow,
        claimed.flatMap((event) =>
          (this.handlers.get(event.type)?.(event, facts) ?? []).map((notice) => ({
            id: noticeId(event.id, notice.userId),
            notice,
            now: new Date(event.occurredAt),
          })),
        ),
      );
      return claimed;
    });
  }

  /** One read of every course the batch's events concern. */
  private async facts(events: readonly AnyEvent[]): Promise<NoticeFacts> {
    const ids = [...new Set(events.map(courseOfEvent).filter((id) => id !== undefined))];
    if (ids.length === 0) return { courses: new Map() };
    const { rows } = await this.pool.query<CourseFacts & { id: string }>({
      name: 'notice-course-facts',
      text: 'SELECT id, title, teacher_id AS "teacherId" FROM read.course_cards WHERE id = ANY($1::uuid[])',
      values: [ids],
    });
    return { courses: new Map(rows.map(({ id, ...course }) => [id, course])) };
  }
}
