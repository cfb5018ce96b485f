// @ts-check

/**
 * @typedef {object} RouteContext
 * @property {import('../db.js').Db} db
 * @property {string} secret  the JWT signing key
 * @property {string} dataDir
 * @property {string} baseUrl  prefix of the addresses the server answers: the configured public
 *   URL, or "" for paths (never built from the Host header, which any client can set)
 * @property {import('../throttle.js').SignInLimits} signInLimits
 */

/**
 * The authenticated user of a route that requires one.
 * @param {import('fastify').FastifyRequest} request
 * @returns {import('../accounts.js').UserRow}
 */
export function requestUser(request) {
  if (!request.user) throw new Error('Route is missing authentication');
  return request.user;
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
