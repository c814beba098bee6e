/**
 * Why a command or query refused, in the domain's words. The HTTP layer maps each reason to its status code
 * (`platform/http/error-statuses.ts`), so adding a reason without a status does not compile.
 */
export type DomainReason =
  // Signing in and access
  | 'not-authenticated'
  | 'account-gone'
  | 'wrong-credentials'
  | 'role-not-allowed'
  | 'rate-limited'
  | 'sign-in-busy'
  | 'rate-limit-store-unavailable'
  // Identity
  | 'email-taken'
  | 'user-not-found'
  | 'not-a-teacher-account'
  | 'already-verified'
  // Course
  | 'course-not-found'
  | 'module-not-found'
  | 'lesson-not-found'
  | 'teachers-only'
  | 'teacher-not-verified'
  | 'not-course-owner'
  | 'price-required'
  | 'nothing-to-publish'
  | 'sign-in-to-read'
  | 'enroll-to-read'
  | 'dashboard-not-ready'
  // Enrollment
  | 'payment-required'
  | 'already-enrolled'
  | 'not-enrolled'
  | 'lesson-not-in-course'
  | 'lesson-of-another-course'
  | 'already-completed'
  | 'certificate-not-found'
  // Review
  | 'review-not-found'
  | 'already-reviewed'
  | 'not-review-author'
  | 'rating-out-of-range'
  // Payment
  | 'payment-not-found'
  | 'course-is-free'
  | 'amount-not-price'
  | 'already-paid'
  | 'idempotency-key-reused'
  // Notification
  | 'notification-not-found';

export interface DomainErrorOptions {
  /** Seconds after which a retry may succeed (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** Fields the error response carries beside `detail`. */
  extra?: Record<string, unknown>;
}

/** A refusal a command or query raises on purpose: a domain reason and a sentence for the caller. */
export class DomainError extends Error {
  readonly retryAfterSeconds?: number;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly reason: DomainReason,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    // A refusal is an answer, not a fault: no one reads where it was raised, so no stack trace is captured
    // (capturing one is most of what constructing an error costs, and load tests meet refusals by the thousand).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = `DomainError(${reason})`;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.extra = options.extra ?? {};
  }
}

/** Whether `error` is a refusal for `reason` (e.g. to retry or count it). */
export const refusedFor = (error: unknown, reason: DomainReason): error is DomainError =>
  error instanceof DomainError && error.reason === reason;
