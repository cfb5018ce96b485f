// Fastify's logger (pino) with secrets kept out of the log: credentials in headers, cookies,
// passwords and tokens in any logged object, and token-like query parameters.
import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/** Fastify's logger options (pino's, with Fastify's request and reply serializers). */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** The levels `--log-level` takes: pino's, and the Python names Label Studio's flag uses. */
const LEVELS: Readonly<Record<string, string>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  silent: 'silent',
};

/** The pino level for a level name (any case), or null when there is no such level. */
export function logLevel(name: string): string | null {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(LEVELS, key) ? (LEVELS[key] ?? null) : null;
}

const CENSOR = '[Redacted]';
const SECRET_KEYS = ['password', 'token', 'refresh', 'access', 'secret', 'key', 'sessionid'];
const SECRET_HEADERS = ['authorization', 'cookie', 'x-csrftoken', 'proxy-authorization'];
const SECRET_QUERY = /([?&](?:token|refresh|access|password|key)=)[^&#]*/gi;

export const REDACT_PATHS = [
  ...SECRET_HEADERS.map((name) => `req.headers["${name}"]`),
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `body.${key}`, `req.body.${key}`, `err.${key}`]),
  'body',
  'req.body',
];

/**
 * Fastify's `logger` option: the level (a name `logLevel` knows), where to write (default:
 * stdout), and redaction.
 */
export function loggerOptions(level: string, stream?: Writable): LoggerOptions {
  const pinoLevel = logLevel(level);
  if (!pinoLevel) throw new Error(`Unknown log level "${level}".`);
  return {
    level: pinoLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: {
      req(request) {
        return {
          method: request.method,
          url: request.url.replace(SECRET_QUERY, `$1${CENSOR}`),
          remoteAddress: request.ip,
          headers: { ...request.headers },
        };
      },
      res(reply) {
        return { statusCode: reply.statusCode, headers: { ...reply.getHeaders?.() } };
      },
    },
  };
}
