import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isConnectionError } from '../database/connection-errors.js';
import { DomainError } from '../domain/errors.js';
import { STATUS_OF_REASON } from './error-statuses.js';
import { ValidationFailed } from './validation.js';

interface ErrorBody {
  detail: string;
  errors?: { field: string; message: string }[];
  [field: string]: unknown;
}

/** Maps anything thrown to `{detail}` with the right status; only genuine bugs become 500, without internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof ValidationFailed) {
    return { status: 422, body: { detail: error.detail, errors: error.errors } };
  }
  if (error instanceof DomainError) {
    const status = STATUS_OF_REASON[error.reason];
    const body = { ...error.extra, detail: error.detail };
    if (error.retryAfterSeconds === undefined) return { status, body };
    return { status, body, headers: { 'retry-after': String(error.retryAfterSeconds) } };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return {
      status: error.getStatus(),
      body: { detail: Array.isArray(message) ? message.join('; ') : String(message ?? error.message) },
    };
  }
  // Fastify's own request errors (malformed JSON, body too large, bad content type) carry a 4xx statusCode.
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { detail: (error as Error).message } };
  }
  // The database is unreachable, restarting, or every connection stayed busy past the pool's wait limit:
  // nothing was changed, so the client may retry; a 503 says so instead of failing as a bug.
  if (isConnectionError(error)) {
    return { status: 503, body: { detail: 'The service is busy; retry in a moment' }, headers: { 'retry-after': '1' } };
  }
  return { status: 500, body: { detail: 'Internal server error' } };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = toErrorResponse(error);
    if (status === 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (headers) void reply.headers(headers);
    void reply.status(status).send(body);
  }
}
