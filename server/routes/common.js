// @ts-check

/** @typedef {{ db: import('../db.js').Db, secret: string, dataDir: string }} RouteContext */

/**
 * The authenticated user of a route that requires one.
 * @param {import('fastify').FastifyRequest} request
 * @returns {import('../accounts.js').UserRow}
 */
export function requestUser(request) {
  if (!request.user) throw new Error('Route is missing authentication');
  return request.user;
}

/** The scheme and host a client used, for absolute URLs. @param {import('fastify').FastifyRequest} request */
export function origin(request) {
  return `${request.protocol}://${request.host}`;
}

/** The JSON body as an object ({} when absent or not an object). @param {import('fastify').FastifyRequest} request */
export function bodyObject(request) {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? /** @type {Record<string, unknown>} */ (body)
    : {};
}

/** A path id: a whole number, or null. @param {unknown} raw */
export function parseId(raw) {
  const text = String(raw);
  return /^\d+$/.test(text) ? Number(text) : null;
}
