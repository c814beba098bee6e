/**
 * The live events of the platform's Socket.IO endpoint (path `/socket.io`, websocket transport,
 * handshake `auth: { token }`). Types only: both the server and the browser client import them.
 */

export type EnrollmentStatus = 'enrolled' | 'in_progress' | 'completed';

/** Pushed when the student completes a lesson (the numbers of the CompleteLesson answer). */
export interface ProgressUpdated {
  course_id: string;
  /** The lesson just completed. */
  lesson_id: string;
  /** Null until the course is completed. */
  certificate_id: string | null;
  completed_lessons: number;
  total_lessons: number;
  percentage: number;
  status: EnrollmentStatus;
}

export interface LiveNotification {
  id: string;
  user_id: string;
  type: string;
  title: string;
  body: string;
  is_read: boolean;
  created_at: string;
}

export interface CourseStats {
  course_id: string;
  enrollment_count: number;
  active_learners: number;
  completions: number;
  avg_rating: number;
  review_count: number;
  /** Count of 1- to 5-star reviews. */
  rating_histogram: number[];
  /** Decimal string, e.g. "1249.50". */
  revenue: string;
}

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
