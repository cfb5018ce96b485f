// @ts-check
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify from 'fastify';
import { authenticate } from './auth.js';
import { jwtSecret, openDatabase } from './db.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { avatarRoutes } from './routes/avatars.js';
import { hotkeyRoutes } from './routes/hotkeys.js';
import { organizationRoutes } from './routes/organizations.js';
import { sessionRoutes } from './routes/session.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';

/**
 * @param {{ dataDir: string, logger?: boolean }} options
 * @returns {Promise<import('fastify').FastifyInstance>}
 */
export async function createServer({ dataDir, logger = false }) {
  const db = openDatabase(dataDir);
  try {
    return await buildApp(db, dataDir, logger);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * @param {import('./db.js').Db} db
 * @param {string} dataDir
 * @param {boolean} logger
 */
async function buildApp(db, dataDir, logger) {
  const secret = jwtSecret(db);
  const app = Fastify({ logger, routerOptions: { ignoreTrailingSlash: true } });
  app.addHook('onClose', async () => {
    db.close();
  });

  // Django REST framework reads an empty JSON body as no data; clients POST that way (e.g. /api/token/).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, /** @type {string} */ (body), done);
  });

  app.decorateRequest('user', null);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);

  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.public) return;
    request.user = authenticate(db, secret, request);
  });

  /** @type {import('./routes/common.js').RouteContext} */
  const context = { db, secret, dataDir };
  app.get('/api/health', { config: { public: true } }, async () => ({ status: 'UP' }));
  await app.register(sessionRoutes, context);
  await app.register(userRoutes, context);
  await app.register(avatarRoutes, context);
  await app.register(tokenRoutes, context);
  await app.register(hotkeyRoutes, context);
  await app.register(organizationRoutes, context);
  return app;
}
