// Cross-site request forgery: a browser sends the session cookie with any request to this host,
// even one a page on another origin (another localhost port, say) makes. So an unsafe request
// that a cookie could authenticate must show that it comes from the page's own origin, the way
// Django's CsrfViewMiddleware checks Origin (and, without one, Referer). Requests with
// `Authorization: Token|Bearer` are unaffected: a cross-origin page cannot add that header.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Which origins may send cookie-authenticated writes, besides the one a request was sent to. */
export interface SameOriginOptions {
  /** The configured public URL, whose origin is allowed. */
  publicUrl?: string;
  /** More allowed origins. */
  trustedOrigins?: readonly string[];
  /** The name of the session cookie. */
  sessionCookie: string;
}

function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Throws a 403 in Label Studio's envelope when an unsafe, possibly cookie-authenticated request
 * does not come from an allowed origin: the one the request was sent to, `publicUrl`'s, or one of
 * `trustedOrigins`.
 */
export function checkSameOrigin(
  request: FastifyRequest,
  { publicUrl, trustedOrigins = [], sessionCookie }: SameOriginOptions,
): void {
  if (SAFE_METHODS.has(request.method)) return;
  const scheme = (request.headers.authorization ?? '').trim().split(/\s+/)[0];
  if (scheme === 'Token' || scheme === 'Bearer') return;
  const allowed = new Set(
    [`${request.protocol}://${request.host}`, publicUrl ?? '', ...trustedOrigins]
      .map(originOf)
      .filter((origin) => origin !== null),
  );
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const given = originOf(origin);
    if (given === null || !allowed.has(given)) {
      throw csrfFailed(`Origin checking failed - ${origin} does not match any trusted origins.`);
    }
    return;
  }
  const referer = request.headers.referer;
  if (referer !== undefined) {
    const given = originOf(referer);
    if (given === null || !allowed.has(given)) {
      throw csrfFailed(`Referer checking failed - ${referer} does not match any trusted origins.`);
    }
    return;
  }
  // Neither header: not a browser (browsers send Origin with every unsafe request). Scripts
  // without a cookie (sign-in, token refresh) are fine; a cookie without either header is not.
  if (request.cookies?.[sessionCookie] !== undefined) throw csrfFailed('Referer checking failed - no Referer.');
}

const csrfFailed = (reason: string): HttpError => new HttpError(403, `CSRF Failed: ${reason}`);
