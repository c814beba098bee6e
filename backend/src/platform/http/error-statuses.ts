import type { DomainReason } from '../domain/errors.js';

/** The HTTP status of every domain reason: the one place where a refusal becomes a status code. */
export const STATUS_OF_REASON = {
  'not-authenticated': 401,
  'account-gone': 401,
  'wrong-credentials': 400,
  'role-not-allowed': 403,
  'rate-limited': 429,
  'sign-in-busy': 503,
  'rate-limit-store-unavailable': 503,

  'email-taken': 409,
  'user-not-found': 404,
  'not-a-teacher-account': 409,
  'already-verified': 409,

  'course-not-found': 404,
  'module-not-found': 404,
  'lesson-not-found': 404,
  'teachers-only': 403,
  'teacher-not-verified': 403,
  'not-course-owner': 403,
  'price-required': 422,
  'nothing-to-publish': 422,
  'sign-in-to-read': 401,
  'enroll-to-read': 403,
  'dashboard-not-ready': 404,

  'payment-required': 402,
  'already-enrolled': 409,
  'not-enrolled': 403,
  'lesson-not-in-course': 422,
  'lesson-of-another-course': 422,
  'already-completed': 409,
  'certificate-not-found': 404,

  'review-not-found': 404,
  'already-reviewed': 409,
  'not-review-author': 403,
  'rating-out-of-range': 422,

  'payment-not-found': 404,
  'course-is-free': 422,
  'amount-not-price': 422,
  'already-paid': 409,
  'idempotency-key-reused': 422,

  'notification-not-found': 404,
} as const satisfies Record<DomainReason, number>;
