// @ts-check
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify from 'fastify';
import { authenticate, SESSION_COOKIE } from './auth.js';
import { checkSameOrigin } from './csrf.js';
import { closeDatabase, openDatabase, secretsOf } from './db.js';
import { errorHandler, HttpError, notFoundHandler } from './errors.js';
import { loggerOptions } from './logging.js';
import { avatarRoutes } from './routes/avatars.js';
import { hotkeyRoutes } from './routes/hotkeys.js';
import { organizationRoutes } from './routes/organizations.js';
import { sessionRoutes } from './routes/session.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { DEFAULT_SIGN_IN_LIMITS } from './throttle.js';

/** JSON bodies nest at most this deep (a hotkeys map needs 3). */
const MAX_JSON_DEPTH = 32;

/**
 * @typedef {object} ServerOptions
 * @property {string} dataDir
 * @property {string} [secretsFile]
 * @property {string} [logLevel]
 * @property {import('node:stream').Writable} [logStream]
 * @property {string} [publicUrl]
 * @property {string[]} [trustedOrigins]
 * @property {Partial<import('./throttle.js').SignInLimits>} [signInLimits]
 */

/**
 * @param {ServerOptions} options
 * @returns {Promise<import('fastify').FastifyInstance>}
 */
export async function createServer(options) {
  const db = openDatabase(
    options.dataDir,
    options.secretsFile === undefined ? {} : { secretsFile: options.secretsFile },
  );
  try {
    return await buildApp(db, options);
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
}

/** How deep a parsed JSON value nests, counted without recursion. @param {unknown} value */
function depthOf(value) {
  let deepest = 0;
  /** @type {Array<[unknown, number]>} */
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = /** @type {[unknown, number]} */ (stack.pop());
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * @param {import('./db.js').Db} db
 * @param {ServerOptions} options
 */
async function buildApp(db, options) {
  const secret = secretsOf(db).signingKey;
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new Error(`The public URL must start with http:// or https://, not "${options.publicUrl}".`);
  }
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'warn', options.logStream),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onClose', async () => {
    closeDatabase(db);
  });

  // Django REST framework reads an empty JSON body as no data; clients POST that way (e.g. /api/token/).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, /** @type {string} */ (body), (error, value) => {
      if (error) done(error, undefined);
      else if (depthOf(value) > MAX_JSON_DEPTH) {
        done(new HttpError(400, `JSON parse error - nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      } else done(null, value);
    });
  });

  app.decorateRequest('user', null);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);

  const trustedOrigins = options.trustedOrigins ?? [];
  app.addHook('onRequest', async (request) => {
    // First, before any body is read: a forged request is refused without touching anything.
    checkSameOrigin(request, { ...(publicUrl ? { publicUrl } : {}), trustedOrigins, sessionCookie: SESSION_COOKIE });
    if (request.is404 || request.routeOptions.config.public) return;
    request.user = authenticate(db, secret, request);
  });
  app.addHook('onSend', async (_request, reply) => {
    // As Django's SecurityMiddleware and XFrameOptionsMiddleware answer by default.
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
  });

  /** @type {import('./routes/common.js').RouteContext} */
  const context = {
    db,
    secret,
    dataDir: options.dataDir,
    baseUrl: publicUrl ?? '',
    signInLimits: {
      perAddress: options.signInLimits?.perAddress ?? DEFAULT_SIGN_IN_LIMITS.perAddress,
      perAccount: options.signInLimits?.perAccount ?? DEFAULT_SIGN_IN_LIMITS.perAccount,
    },
  };
  app.get('/api/health', { config: { public: true } }, async () => ({ status: 'UP' }));
  await app.register(sessionRoutes, context);
  await app.register(userRoutes, context);
  await app.register(avatarRoutes, context);
  await app.register(tokenRoutes, context);
  await app.register(hotkeyRoutes, context);
  await app.register(organizationRoutes, context);
  return app;
}
