// @ts-check
// HS256 JSON Web Tokens with node:crypto, enough for simple-jwt-style access and refresh tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** @param {string | Buffer} input */
function base64url(input) {
  return Buffer.from(input).toString('base64url');
}

/** @param {string} signingInput @param {string} secret */
function signature(signingInput, secret) {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

/**
 * @param {Record<string, unknown>} claims
 * @param {string} secret
 * @returns {string}
 */
export function signJwt(claims, secret) {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${signature(`${header}.${payload}`, secret)}`;
}

/**
 * The claims of a token, without checking its signature or expiry (for the signature-less
 * `header.payload` form Label Studio lists and accepts back). Null when it can't be decoded.
 * @param {string} token
 * @returns {Record<string, unknown> | null}
 */
export function decodeJwt(token) {
  const [header, payload] = token.split('.');
  if (!header || !payload) return null;
  try {
    const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (parsedHeader?.alg !== 'HS256' || typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      return null;
    }
    return claims;
  } catch {
    return null;
  }
}

/**
 * The claims of a correctly signed, unexpired token; null otherwise.
 * @param {string} token
 * @param {string} secret
 * @param {number} [nowSeconds]
 * @returns {Record<string, unknown> | null}
 */
export function verifyJwt(token, secret, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, given] = /** @type {[string, string, string]} */ (parts);
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const claims = decodeJwt(token);
  if (!claims || typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
  return claims;
}

/** The part of a token Label Studio shows in lists: everything but the signature. */
export function truncateJwt(/** @type {string} */ token) {
  return token.split('.').slice(0, 2).join('.');
}
