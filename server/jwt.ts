// HS256 JSON Web Tokens with node:crypto, enough for simple-jwt-style access and refresh tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A token's payload. */
export type JwtClaims = Record<string, unknown>;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

function signature(signingInput: string, secret: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${signature(`${header}.${payload}`, secret)}`;
}

function isClaims(value: unknown): value is JwtClaims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The claims of a token, without checking its signature or expiry (for the signature-less
 * `header.payload` form Label Studio lists and accepts back). Null when it can't be decoded.
 */
export function decodeJwt(token: string): JwtClaims | null {
  const [header, payload] = token.split('.');
  if (!header || !payload) return null;
  try {
    const parsedHeader: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!isClaims(parsedHeader) || parsedHeader.alg !== 'HS256' || !isClaims(claims)) return null;
    return claims;
  } catch {
    return null;
  }
}

/** The claims of a correctly signed, unexpired token; null otherwise. */
export function verifyJwt(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): JwtClaims | null {
  const [header, payload, given, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || given === undefined || rest.length > 0) return null;
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const claims = decodeJwt(token);
  if (!claims || typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
  return claims;
}

/** The part of a token Label Studio shows in lists: everything but the signature. */
export function truncateJwt(token: string): string {
  return token.split('.').slice(0, 2).join('.');
}
