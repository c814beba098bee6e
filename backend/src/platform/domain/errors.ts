/** Errors a command or query raises on purpose; the HTTP layer maps each kind to its status code. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Seconds after which a retry may succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;
  constructor(readonly detail: string) {
    super(detail);
    this.name = new.target.name;
  }

  /** Fields the error response carries beside `detail`. */
  get extra(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}
export class ForbiddenError extends DomainError {
  readonly status = 403;
}
export class ConflictError extends DomainError {
  readonly status = 409;
}
export class UnprocessableError extends DomainError {
  readonly status = 422;
}
export class PaymentRequiredError extends DomainError {
  readonly status = 402;
}
export class UnauthorizedError extends DomainError {
  readonly status = 401;
}
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    detail: string,
    override readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
/** A dependency (e.g. Redis) cannot be reached: the request is refused at once rather than left hanging. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    detail: string,
    override readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
