import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { refusalOf } from '../../test/support/decisions.js';
import {
  decideMarkRead,
  decideSendNotice,
  notificationDecider,
  type NotificationEvent,
  type NotificationState,
} from './notification.decider.js';
import { NotificationEvents } from './notification.events.js';

const now = new Date('2026-03-01T10:00:00.000Z');
const notice = { userId: 'u-1', type: 'welcome', title: 'Welcome', body: 'Hi' };
const given = (events: readonly NotificationEvent[]): NotificationState | undefined =>
  replay(notificationDecider, events);
const sent = () => decideSendNotice(undefined, { id: 'n-1', notice, now });

describe('Notification decider', () => {
  describe('SendNotice', () => {
    it('given no notification, when a notice is sent, then NotificationCreated carries it', () => {
      expect(sent()).toEqual([
        {
          type: NotificationEvents.NotificationCreated,
          payload: {
            notificationId: 'n-1',
            userId: 'u-1',
            type: 'welcome',
            title: 'Welcome',
            body: 'Hi',
            createdAt: '2026-03-01T10:00:00.000Z',
          },
        },
      ]);
    });

    it('given the notification exists, when the same notice is sent again, then nothing happens', () => {
      expect(decideSendNotice(given(sent()), { id: 'n-1', notice, now })).toEqual([]);
    });

    it('evolves to the state the notification is stored with', () => {
      expect(given(sent())).toEqual({ id: 'n-1', ...notice, isRead: false, createdAt: now });
    });
  });

  describe('MarkRead', () => {
    it('given an unread notification, when its recipient reads it, then NotificationRead', () => {
      const events = decideMarkRead(given(sent()), { readerId: 'u-1' });
      expect(events).toEqual([
        { type: NotificationEvents.NotificationRead, payload: { notificationId: 'n-1', userId: 'u-1' } },
      ]);
      expect(given([...sent(), ...events])?.isRead).toBe(true);
    });

    it('given a read notification, when it is read again, then nothing happens', () => {
      const read = given([...sent(), ...decideMarkRead(given(sent()), { readerId: 'u-1' })]);
      expect(decideMarkRead(read, { readerId: 'u-1' })).toEqual([]);
    });

    it("refuses someone else's notification as not found, like a missing one", () => {
      expect(refusalOf(() => decideMarkRead(given(sent()), { readerId: 'u-2' }))).toBe('notification-not-found');
      expect(refusalOf(() => decideMarkRead(undefined, { readerId: 'u-1' }))).toBe('notification-not-found');
    });
  });
});
