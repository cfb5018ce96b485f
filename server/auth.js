// @ts-check
// Request authentication in Label Studio's order: JWT access token, legacy token, session cookie.
import { randomBytes } from 'node:crypto';
import { findLegacyTokenUserId, findUserById, jwtSettings } from './accounts.js';
import { now, secretsOf } from './db.js';
import { HttpError } from './errors.js';
import { verifyJwt } from './jwt.js';
import { hashSecret } from './secrets.js';

/** @typedef {import('./db.js').Db} Db */
/** @typedef {import('./accounts.js').UserRow} UserRow */

export const SESSION_COOKIE = 'sessionid';
/** Django's default session age: two weeks. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
const LAST_ACTIVITY_INTERVAL_MS = 60_000;

const unauthorized = (/** @type {string} */ detail, /** @type {Record<string, unknown>} */ extra = {}) =>
  new HttpError(401, detail, { extra, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });

/** @param {Db} db @param {string} key */
function userForLegacyToken(db, key) {
  const userId = findLegacyTokenUserId(db, key);
  const user = userId === undefined ? undefined : findUserById(db, userId);
  if (!user) throw unauthorized('Invalid token.');
  if (user.active_organization !== null && !jwtSettings(db, user.active_organization).legacy_api_tokens_enabled) {
    throw unauthorized(
      'Authentication token no longer valid: legacy token authentication has been disabled for this organization',
    );
  }
  return user;
}

/** @param {Db} db @param {string} secret @param {string} token */
function userForAccessToken(db, secret, token) {
  const claims = verifyJwt(token, secret);
  const user =
    claims?.token_type === 'access' && typeof claims.user_id === 'number' && findUserById(db, claims.user_id);
  if (!user) {
    throw unauthorized('Given token not valid for any token type', { code: 'token_not_valid' });
  }
  return user;
}

/** @param {Db} db @param {string} sessionId */
export function userForSession(db, sessionId) {
  const row = /** @type {{ user_id: number, created_at: string } | undefined} */ (
    db.prepare('SELECT user_id, created_at FROM sessions WHERE id_hash = ?').get(hashSecret(secretsOf(db), sessionId))
  );
  if (!row || Date.parse(row.created_at) + SESSION_MAX_AGE_SECONDS * 1000 < Date.now()) return undefined;
  return findUserById(db, row.user_id);
}

/** Starts a session; answers the id for the cookie (only its hash is stored). @param {Db} db @param {number} userId */
export function createSession(db, userId) {
  const id = randomBytes(32).toString('hex');
  db.prepare('INSERT INTO sessions (id_hash, user_id, created_at) VALUES (?, ?, ?)').run(
    hashSecret(secretsOf(db), id),
    userId,
    now(),
  );
  return id;
}

/** Ends the session a cookie names. @param {Db} db @param {string} sessionId */
export function endSession(db, sessionId) {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(secretsOf(db), sessionId));
}

/**
 * The user a request acts for; throws a 401 HttpError when there is none.
 * @param {Db} db
 * @param {string} secret
 * @param {import('fastify').FastifyRequest} request
 * @returns {UserRow}
 */
export function authenticate(db, secret, request) {
  const header = request.headers.authorization ?? '';
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  let user;
  if (scheme === 'Bearer' || scheme === 'Token') {
    if (rest.length === 0) throw unauthorized('Invalid token header. No credentials provided.');
    if (rest.length > 1) throw unauthorized('Invalid token header. Token string should not contain spaces.');
    const credential = /** @type {string} */ (rest[0]);
    user = scheme === 'Bearer' ? userForAccessToken(db, secret, credential) : userForLegacyToken(db, credential);
  } else {
    const sessionId = request.cookies?.[SESSION_COOKIE];
    user = sessionId ? userForSession(db, sessionId) : undefined;
    if (!user) throw unauthorized('Authentication credentials were not provided.');
  }
  touchLastActivity(db, user);
  return user;
}

/** Records activity at most once a minute, so reads don't each cost a write. @param {Db} db @param {UserRow} user */
function touchLastActivity(db, user) {
  if (Date.now() - Date.parse(user.last_activity) < LAST_ACTIVITY_INTERVAL_MS) return;
  user.last_activity = now();
  db.prepare('UPDATE users SET last_activity = ? WHERE id = ?').run(user.last_activity, user.id);
}
