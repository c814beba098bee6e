/**
 * The live events of the platform's Socket.IO endpoint (path `/socket.io`, websocket transport,
 * handshake `auth: { token }`). Types only: both the server and the browser client import them.
 */

import type { components } from './api';

/** Pushed when the student completes a lesson: the progress of the CompleteLesson answer, and what it was about. */
export type ProgressUpdated = components['schemas']['Progress'] & {
  course_id: string;
  /** The lesson just completed. */
  lesson_id: string;
  /** Null until the course is completed. */
  certificate_id: string | null;
};

/** A notification as the API answers it (`GET /api/notification/notifications/me`). */
export type LiveNotification = components['schemas']['Notification'];

/** A course's dashboard numbers, as in its dashboard answer. */
export type CourseStats = components['schemas']['CourseStats'];

export interface CourseRating {
  course_id: string;
  avg_rating: number;
  review_count: number;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  'progress.updated': (payload: ProgressUpdated) => void;
  'notification.created': (payload: LiveNotification) => void;
  'course.stats': (payload: CourseStats) => void;
  'course.rating': (payload: CourseRating) => void;
}

export type SubscriptionAck = { ok: true } | { ok: false; error: string };

/** Events the client sends; each answers through its acknowledgement callback. */
export interface ClientToServerEvents {
  /** Course owner (or admin) only: join the course's live dashboard. */
  'dashboard.subscribe': (request: { course_id: string }, ack: (result: SubscriptionAck) => void) => void;
  'dashboard.unsubscribe': (request: { course_id: string }, ack: (result: SubscriptionAck) => void) => void;
  /** Anyone: follow a course page's public rating. */
  'course.follow': (request: { course_id: string }, ack: (result: SubscriptionAck) => void) => void;
  'course.unfollow': (request: { course_id: string }, ack: (result: SubscriptionAck) => void) => void;
}
