// Label Studio wraps Django REST framework errors in an envelope; this mirrors it.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const VERSION = 'ras-reference';

/** What an `HttpError` adds to its status and detail. */
export interface HttpErrorOptions {
  /** Messages per field, answered as `validation_errors` (a string where the view raised one). */
  validationErrors?: ValidationErrors;
  /** More top-level fields of the body (e.g. simple-jwt's `code`). */
  extra?: Record<string, unknown>;
  /** Response headers (e.g. `Retry-After`). */
  headers?: Record<string, string>;
}

/** Messages per field: a list, as serializers give them, or one string, as `ValidationError({field: '…'})` does. */
export type ValidationErrors = Record<string, string[] | string>;

/** An error answered with Label Studio's error envelope. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly detail: string;
  readonly validationErrors: ValidationErrors | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(statusCode: number, detail: string, options: HttpErrorOptions = {}) {
    super(detail);
    this.statusCode = statusCode;
    this.detail = detail;
    this.validationErrors = options.validationErrors;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

/** A serializer error: 400, detail "Validation error", messages per field. */
export function validationError(validationErrors: ValidationErrors): HttpError {
  return new HttpError(400, 'Validation error', { validationErrors });
}

export const notFound = (): HttpError => new HttpError(404, 'Not found.');
export const forbidden = (): HttpError => new HttpError(403, 'You do not have permission to perform this action.');

/** Label Studio's error body. */
export function envelope(statusCode: number, detail: string, validationErrors?: ValidationErrors) {
  return {
    id: randomUUID(),
    status_code: statusCode,
    version: VERSION,
    detail,
    exc_info: null,
    ...(validationErrors ? { validation_errors: validationErrors } : {}),
  };
}

/**
 * Fastify error handler: our HttpErrors keep their status and detail, Fastify's own client
 * errors (bad JSON, wrong content type, too large) keep their status, anything else is a 500.
 */
export function errorHandler(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    if (error.headers) reply.headers(error.headers);
    return reply
      .code(error.statusCode)
      .send({ ...envelope(error.statusCode, error.detail, error.validationErrors), ...error.extra });
  }
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) {
    const detail =
      status === 400 && error.message.includes('JSON') ? `JSON parse error - ${error.message}` : error.message;
    return reply.code(status).send(envelope(status, detail));
  }
  request.log.error(error);
  return reply.code(500).send(envelope(500, 'A server error occurred.'));
}

/** Unknown routes answer like Django REST framework's 404. */
export function notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send(envelope(404, 'Not found.'));
}

/** The `code` of a Node or SQLite error (`ENOENT`, `SQLITE_READONLY`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The `statusCode` of an error (Fastify's and its plugins' client errors), if it has one. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}
