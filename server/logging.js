// @ts-check
// Fastify's logger (pino) with secrets kept out of the log: credentials in headers, cookies,
// passwords and tokens in any logged object, and token-like query parameters.

/** The levels `--log-level` takes: pino's, and the Python names Label Studio's flag uses. */
const LEVELS = {
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

/**
 * The pino level for a level name (any case), or null when there is no such level.
 * @param {string} name
 * @returns {string | null}
 */
export function logLevel(name) {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(LEVELS, key) ? LEVELS[/** @type {keyof typeof LEVELS} */ (key)] : null;
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
 * Fastify's `logger` option: the level, where to write, and redaction.
 * @param {string} level  a name `logLevel` knows
 * @param {import('node:stream').Writable} [stream]  default: stdout
 */
export function loggerOptions(level, stream) {
  const pinoLevel = logLevel(level);
  if (!pinoLevel) throw new Error(`Unknown log level "${level}".`);
  return {
    level: pinoLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: {
      /** @param {import('fastify').FastifyRequest} request */
      req(request) {
        return {
          method: request.method,
          url: request.url.replace(SECRET_QUERY, `$1${CENSOR}`),
          remoteAddress: request.ip,
          headers: { ...request.headers },
        };
      },
      /** @param {import('fastify').FastifyReply} reply */
      res(reply) {
        return { statusCode: reply.statusCode, headers: { ...reply.getHeaders() } };
      },
    },
  };
}
