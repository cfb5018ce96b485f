// @ts-check
// Label Studio wraps Django REST framework errors in an envelope; this mirrors it.
import { randomUUID } from 'node:crypto';

export const VERSION = 'ras-reference';

/** An error answered with Label Studio's error envelope. */
export class HttpError extends Error {
  /**
   * @param {number} statusCode
   * @param {string} detail
   * @param {{ validationErrors?: Record<string, string[]>, extra?: Record<string, unknown>, headers?: Record<string, string> }} [options]
   */
  constructor(statusCode, detail, options = {}) {
    super(detail);
    this.statusCode = statusCode;
    this.detail = detail;
    this.validationErrors = options.validationErrors;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

/** A serializer error: 400, detail "Validation error", messages per field. */
export function validationError(/** @type {Record<string, string[]>} */ validationErrors) {
  return new HttpError(400, 'Validation error', { validationErrors });
}

export const notFound = () => new HttpError(404, 'Not found.');
export const forbidden = () => new HttpError(403, 'You do not have permission to perform this action.');

/**
 * @param {number} statusCode
 * @param {string} detail
 * @param {Record<string, string[]>} [validationErrors]
 */
export function envelope(statusCode, detail, validationErrors) {
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
 * @param {Error & { statusCode?: number, validationErrors?: Record<string, string[]>, extra?: Record<string, unknown>, headers?: Record<string, string> }} error
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
export function errorHandler(error, request, reply) {
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
export function notFoundHandler(
  /** @type {import('fastify').FastifyRequest} */ _request,
  /** @type {import('fastify').FastifyReply} */ reply,
) {
  return reply.code(404).send(envelope(404, 'Not found.'));
}
