// Request authentication in Label Studio's order: JWT access token, legacy token, session cookie.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findLegacyTokenUserId, findUserById, isActiveMember, jwtSettings, type UserRow } from './accounts.ts';
import { now, secretsOf, type Db } from './db.ts';
import { forbidden, HttpError } from './errors.ts';
import { verifyJwt } from './jwt.ts';
import { hashSecret } from './secrets.ts';

export const SESSION_COOKIE = 'sessionid';
/** Django's default session age: two weeks. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
const LAST_ACTIVITY_INTERVAL_MS = 60_000;

const unauthorized = (detail: string, extra: Record<string, unknown> = {}): HttpError =>
  new HttpError(401, detail, { extra, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });

function userForLegacyToken(db: Db, key: string): UserRow {
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

function userForAccessToken(db: Db, secret: string, token: string): UserRow {
  const claims = verifyJwt(token, secret);
  const user =
    claims?.token_type === 'access' && typeof claims.user_id === 'number'
      ? findUserById(db, claims.user_id)
      : undefined;
  if (!user) {
    throw unauthorized('Given token not valid for any token type', { code: 'token_not_valid' });
  }
  return user;
}

export function userForSession(db: Db, sessionId: string): UserRow | undefined {
  const row = db
    .prepare<[string], { user_id: number; created_at: string }>(
      'SELECT user_id, created_at FROM sessions WHERE id_hash = ?',
    )
    .get(hashSecret(secretsOf(db), sessionId));
  if (!row || Date.parse(row.created_at) + SESSION_MAX_AGE_SECONDS * 1000 < Date.now()) return undefined;
  return findUserById(db, row.user_id);
}

/** Starts a session; answers the id for the cookie (only its hash is stored). */
export function createSession(db: Db, userId: number): string {
  const id = randomBytes(32).toString('hex');
  db.prepare('INSERT INTO sessions (id_hash, user_id, created_at) VALUES (?, ?, ?)').run(
    hashSecret(secretsOf(db), id),
    userId,
    now(),
  );
  return id;
}

/** Starts a session for the user and sets its cookie on the reply (sign-in and sign-up). */
export function startSession(db: Db, request: FastifyRequest, reply: FastifyReply, userId: number): void {
  reply.setCookie(SESSION_COOKIE, createSession(db, userId), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Ends the session a cookie names. */
export function endSession(db: Db, sessionId: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(secretsOf(db), sessionId));
}

/**
 * The user a request acts for; throws a 401 HttpError when there is none, and a 403 when it is a
 * member removed from their organization (their session and tokens still identify them, as in
 * Label Studio, but every object of the organization refuses them).
 */
export function authenticate(db: Db, secret: string, request: FastifyRequest): UserRow {
  const header = request.headers.authorization ?? '';
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  let user: UserRow | undefined;
  if (scheme === 'Bearer' || scheme === 'Token') {
    const [credential, ...more] = rest;
    if (credential === undefined) throw unauthorized('Invalid token header. No credentials provided.');
    if (more.length > 0) throw unauthorized('Invalid token header. Token string should not contain spaces.');
    user = scheme === 'Bearer' ? userForAccessToken(db, secret, credential) : userForLegacyToken(db, credential);
  } else {
    const sessionId = request.cookies?.[SESSION_COOKIE];
    user = sessionId ? userForSession(db, sessionId) : undefined;
    if (!user) throw unauthorized('Authentication credentials were not provided.');
  }
  if (!isActiveMember(db, user)) throw forbidden();
  touchLastActivity(db, user);
  return user;
}

/** Records activity at most once a minute, so reads don't each cost a write. */
function touchLastActivity(db: Db, user: UserRow): void {
  if (Date.now() - Date.parse(user.last_activity) < LAST_ACTIVITY_INTERVAL_MS) return;
  user.last_activity = now();
  db.prepare('UPDATE users SET last_activity = ? WHERE id = ?').run(user.last_activity, user.id);
}
