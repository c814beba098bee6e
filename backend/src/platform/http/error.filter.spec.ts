import { describe, expect, it } from 'vitest';
import { NotFoundException } from '@nestjs/common';
import { DomainError } from '../domain/errors.js';
import { toErrorResponse } from './error.filter.js';
import { ValidationFailed } from './validation.js';

describe('toErrorResponse', () => {
  it('maps domain reasons, validation and HTTP exceptions to their status with a detail', () => {
    expect(toErrorResponse(new DomainError('email-taken', 'taken'))).toEqual({
      status: 409,
      body: { detail: 'taken' },
    });
    expect(toErrorResponse(new DomainError('not-enrolled', 'enroll first')).status).toBe(403);
    expect(toErrorResponse(new DomainError('payment-required', 'pay first')).status).toBe(402);
    expect(toErrorResponse(new ValidationFailed('x: bad', [{ field: 'x', message: 'bad' }])).status).toBe(422);
    expect(toErrorResponse(new DomainError('rate-limited', 'slow down', { retryAfterSeconds: 7 })).headers).toEqual({
      'retry-after': '7',
    });
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'))).toEqual({
      status: 404,
      body: { detail: 'Cannot GET /nope' },
    });
  });

  it('carries the extra fields of an error beside its detail, and Retry-After of a dependency that is down', () => {
    expect(toErrorResponse(new DomainError('already-paid', 'done', { extra: { payment_id: 'p1' } }))).toEqual({
      status: 409,
      body: { detail: 'done', payment_id: 'p1' },
    });
    expect(
      toErrorResponse(new DomainError('rate-limit-store-unavailable', 'Redis is away', { retryAfterSeconds: 5 })),
    ).toEqual({
      status: 503,
      body: { detail: 'Redis is away' },
      headers: { 'retry-after': '5' },
    });
  });

  it('answers 503 with Retry-After when no database connection could be had in time', () => {
    expect(toErrorResponse(new Error('timeout exceeded when trying to connect'))).toEqual({
      status: 503,
      body: { detail: 'The service is busy; retry in a moment' },
      headers: { 'retry-after': '1' },
    });
  });

  it('hides the internals of anything unexpected', () => {
    expect(toErrorResponse(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { detail: 'Internal server error' },
    });
  });
});
