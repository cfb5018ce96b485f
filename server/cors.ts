// Cross-origin resource sharing as Label Studio answers it: django-cors-headers with every origin
// allowed by default, its default request headers, the methods Label Studio lists, no
// credentials, and preflight requests answered before authentication. The cookie-session
// same-origin check (csrf.ts) still guards writes: without credentials a cross-origin page can
// call the API with a token only.
import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';

/** Which pages on other origins may read the server's answers. */
export interface CorsOptions {
  /**
   * Every origin (`Access-Control-Allow-Origin: *`), as `CORS_ALLOW_ALL_ORIGINS` does.
   * @default true, unless `allowedOrigins` or `allowedOriginRegexes` is given
   */
  allowAllOrigins?: boolean;
  /** Exact origins allowed when not all are (`CORS_ALLOWED_ORIGINS`), e.g. `https://app.example.com`. */
  allowedOrigins?: readonly string[];
  /** Patterns an origin must match from its start when not all are (`CORS_ALLOWED_ORIGIN_REGEXES`). */
  allowedOriginRegexes?: readonly string[];
}

/** Label Studio's `CORS_ALLOW_METHODS`. */
export const CORS_ALLOW_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** django-cors-headers' default `CORS_ALLOW_HEADERS`. */
export const CORS_ALLOW_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  'user-agent',
  'x-csrftoken',
  'x-requested-with',
];
/** django-cors-headers' default `CORS_PREFLIGHT_MAX_AGE`: one day. */
export const CORS_PREFLIGHT_MAX_AGE = 86_400;

/** The @fastify/cors options that answer as django-cors-headers does with these settings. */
export function corsPluginOptions(options: CorsOptions = {}): FastifyCorsOptions {
  const origins = options.allowedOrigins ?? [];
  const regexes = (options.allowedOriginRegexes ?? []).map((source) => {
    try {
      return new RegExp(`^(?:${source})`);
    } catch {
      throw new Error(`The allowed origin pattern "${source}" is not a regular expression.`);
    }
  });
  const allowAll = options.allowAllOrigins ?? (origins.length === 0 && regexes.length === 0);
  const allowed = allowAll ? '*' : [...origins, ...regexes];
  return {
    // Only a request with an Origin gets CORS headers (and every answer varies by Origin), as there.
    origin: (origin, callback) => callback(null, origin === undefined ? false : allowed),
    methods: CORS_ALLOW_METHODS,
    allowedHeaders: CORS_ALLOW_HEADERS,
    credentials: false,
    maxAge: CORS_PREFLIGHT_MAX_AGE,
    // django-cors-headers answers a preflight with 200 and an empty body.
    optionsSuccessStatus: 200,
    strictPreflight: false,
  };
}

/** A comma-separated environment list (`a, b`), without empty items. */
export function parseEnvList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The CORS settings in an environment, read as Label Studio reads its settings: `LABEL_STUDIO_X`,
 * then `HEARTEX_X`, then `X`, for `CORS_ALLOW_ALL_ORIGINS`, `CORS_ALLOWED_ORIGINS` and
 * `CORS_ALLOWED_ORIGIN_REGEXES`.
 */
export function corsFromEnv(env: NodeJS.ProcessEnv = process.env): CorsOptions {
  const read = (name: string) => env[`LABEL_STUDIO_${name}`] ?? env[`HEARTEX_${name}`] ?? env[name];
  const allowAll = read('CORS_ALLOW_ALL_ORIGINS');
  const origins = parseEnvList(read('CORS_ALLOWED_ORIGINS'));
  const regexes = parseEnvList(read('CORS_ALLOWED_ORIGIN_REGEXES'));
  return {
    ...(allowAll === undefined || allowAll.trim() === ''
      ? {}
      : { allowAllOrigins: ['true', '1', 'yes', 'y', 'on'].includes(allowAll.trim().toLowerCase()) }),
    ...(origins.length > 0 ? { allowedOrigins: origins } : {}),
    ...(regexes.length > 0 ? { allowedOriginRegexes: regexes } : {}),
  };
}

export { fastifyCors };
