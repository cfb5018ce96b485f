// Personal access tokens (simple-jwt refresh tokens with a blacklist) and the org's JWT settings.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DEFAULT_API_TOKEN_TTL_DAYS, findUserById, insertJwtSettings, jwtSettings, type UserRow } from '../accounts.ts';
import { now, type Db } from '../db.ts';
import { forbidden, HttpError, validationError } from '../errors.ts';
import { signJwt, truncateJwt, verifyJwt } from '../jwt.ts';
import { MAX_ACTIVE_TOKENS, parseBoolean, parseInteger } from '../validate.ts';
import { bodyObject, requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

/** A row of `refresh_tokens`. */
interface RefreshTokenRow {
  jti: string;
  user_id: number;
  token_header_payload: string;
  created_at: string;
  expires_at: string;
  blacklisted: number;
}

const ACCESS_TOKEN_SECONDS = 5 * 60;
const DAY_SECONDS = 24 * 60 * 60;
const INVALID_OR_BLACKLISTED = 'Token is invalid or already blacklisted.';
const ORDERINGS: Readonly<Record<string, string>> = {
  created_at: 'created_at ASC',
  '-created_at': 'created_at DESC',
  expires_at: 'expires_at ASC',
  '-expires_at': 'expires_at DESC',
};

/** A new personal access token that lives the organization's `api_token_ttl_days`; answers the full JWT. */
function createRefreshToken(db: Db, secret: string, user: UserRow): string {
  const userId = user.id;
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = {
    token_type: 'refresh',
    exp: issuedAt + jwtSettings(db, user.active_organization).api_token_ttl_days * DAY_SECONDS,
    iat: issuedAt,
    jti: randomUUID().replaceAll('-', ''),
    user_id: userId,
  };
  const token = signJwt(claims, secret);
  const createdAt = new Date(issuedAt * 1000).toISOString();
  const expiresAt = new Date(claims.exp * 1000).toISOString();
  db.prepare(
    'INSERT INTO refresh_tokens (jti, user_id, token_header_payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(claims.jti, userId, truncateJwt(token), createdAt, expiresAt);
  return token;
}

/**
 * The stored, unexpired token a client sent back: in full (its signature must hold) or as
 * Label Studio lists it, `header.payload`.
 */
function findRefreshToken(db: Db, secret: string, refresh: string): RefreshTokenRow | undefined {
  const parts = refresh.split('.');
  if (parts.length === 3 ? !verifyJwt(refresh, secret) : parts.length !== 2) return undefined;
  return db
    .prepare<[string, string], RefreshTokenRow>(
      'SELECT * FROM refresh_tokens WHERE token_header_payload = ? AND expires_at > ?',
    )
    .get(truncateJwt(refresh), now());
}

function requireRefresh(body: Record<string, unknown>): string {
  if (typeof body.refresh !== 'string' || body.refresh === '') {
    throw validationError({
      refresh: [body.refresh === undefined ? 'This field is required.' : 'This field may not be blank.'],
    });
  }
  return body.refresh;
}

export const tokenRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, secret }) => {
  const requireApiTokens = (request: FastifyRequest): UserRow => {
    const me = requestUser(request);
    if (!jwtSettings(db, me.active_organization).api_tokens_enabled) throw forbidden();
    return me;
  };

  /** The user's usable tokens; `orderBy` is one of ORDERINGS' values. */
  const activeTokens = (userId: number, orderBy = 'created_at ASC'): RefreshTokenRow[] =>
    db
      .prepare<[number, string], RefreshTokenRow>(
        `SELECT * FROM refresh_tokens WHERE user_id = ? AND blacklisted = 0 AND expires_at > ? ORDER BY ${orderBy}`,
      )
      .all(userId, now());

  app.get<{ Querystring: { ordering?: unknown } }>(PATHS.tokens, async (request) => {
    const me = requireApiTokens(request);
    const { ordering } = request.query;
    let orderBy = 'created_at ASC';
    if (ordering !== undefined && ordering !== '') {
      // Own keys only: `constructor` and other inherited names are not orderings.
      const chosen =
        typeof ordering === 'string' && Object.hasOwn(ORDERINGS, ordering) ? ORDERINGS[ordering] : undefined;
      if (chosen === undefined) {
        throw validationError({
          ordering: [`Select a valid choice. ${String(ordering)} is not one of the available choices.`],
        });
      }
      orderBy = chosen;
    }
    // LSAPITokenListSerializer: `header.payload` only; created and expiry are in the payload.
    return activeTokens(me.id, orderBy).map((row) => ({ token: row.token_header_payload }));
  });

  app.post(PATHS.tokens, async (request, reply) => {
    const me = requireApiTokens(request);
    const created = db
      .transaction(() => {
        if (activeTokens(me.id).length >= MAX_ACTIVE_TOKENS) {
          throw new HttpError(409, 'You already have a valid token. Please revoke it before creating a new one.');
        }
        return createRefreshToken(db, secret, me);
      })
      .immediate();
    // LSAPITokenCreateSerializer: the full token only.
    return reply.code(201).send({ token: created });
  });

  // Stricter than Label Studio, which lets anyone holding a token blacklist it: here only its owner can.
  app.post(PATHS.tokenBlacklist, async (request, reply) => {
    const me = requestUser(request);
    const row = findRefreshToken(db, secret, requireRefresh(bodyObject(request)));
    if (!row || row.user_id !== me.id || row.blacklisted) {
      return reply.code(404).send({ detail: INVALID_OR_BLACKLISTED });
    }
    db.transaction(() =>
      db.prepare('UPDATE refresh_tokens SET blacklisted = 1 WHERE jti = ?').run(row.jti),
    ).immediate();
    return reply.code(204).send();
  });

  app.post(PATHS.tokenRotate, async (request, reply) => {
    const me = requestUser(request);
    const row = findRefreshToken(db, secret, requireRefresh(bodyObject(request)));
    if (!row || row.user_id !== me.id || row.blacklisted) {
      return reply.code(400).send({ detail: INVALID_OR_BLACKLISTED });
    }
    const created = db
      .transaction(() => {
        db.prepare('UPDATE refresh_tokens SET blacklisted = 1 WHERE jti = ?').run(row.jti);
        return createRefreshToken(db, secret, me);
      })
      .immediate();
    return { refresh: created };
  });

  app.post(PATHS.tokenRefresh, { config: { public: true } }, async (request) => {
    const refresh = requireRefresh(bodyObject(request));
    const claims = verifyJwt(refresh, secret);
    const row = claims?.token_type === 'refresh' ? findRefreshToken(db, secret, refresh) : undefined;
    const user = row && findUserById(db, row.user_id);
    if (!row || !user) throw new HttpError(401, 'Token is invalid or expired', { extra: { code: 'token_not_valid' } });
    if (row.blacklisted) throw new HttpError(401, 'Token is blacklisted', { extra: { code: 'token_not_valid' } });
    const issuedAt = Math.floor(Date.now() / 1000);
    const access = signJwt(
      {
        token_type: 'access',
        exp: issuedAt + ACCESS_TOKEN_SECONDS,
        iat: issuedAt,
        jti: randomUUID().replaceAll('-', ''),
        user_id: user.id,
      },
      secret,
    );
    return { access };
  });

  app.get(PATHS.jwtSettings, async (request) => jwtSettings(db, requestUser(request).active_organization));

  app.post(PATHS.jwtSettings, async (request) => {
    const me = requestUser(request);
    if (me.active_organization === null) throw forbidden();
    const body = bodyObject(request);
    const changes: Record<string, number> = {};
    const errors: Record<string, string[]> = {};
    for (const field of ['api_tokens_enabled', 'legacy_api_tokens_enabled']) {
      if (!(field in body)) continue;
      const parsed = parseBoolean(body[field], { allowNull: false });
      if ('error' in parsed) errors[field] = [parsed.error];
      else changes[field] = Number(parsed.value);
    }
    // Label Studio Enterprise's setting (Community keeps 200 years); tokens made after it live this long.
    if ('api_token_ttl_days' in body) {
      const parsed = parseInteger(body.api_token_ttl_days, { min: 1, max: DEFAULT_API_TOKEN_TTL_DAYS });
      if ('error' in parsed) errors.api_token_ttl_days = [parsed.error];
      else changes.api_token_ttl_days = parsed.value;
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const organizationId = me.active_organization;
    db.transaction(() => {
      insertJwtSettings(db, organizationId);
      for (const [field, value] of Object.entries(changes)) {
        db.prepare(`UPDATE jwt_settings SET ${field} = ? WHERE organization_id = ?`).run(value, organizationId);
      }
    }).immediate();
    return jwtSettings(db, organizationId);
  });
};
