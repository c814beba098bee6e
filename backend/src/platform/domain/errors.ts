/** Errors a command or query raises on purpose; the HTTP layer maps each kind to its status code. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(readonly detail: string) {
    super(detail);
    this.name = new.target.name;
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
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
