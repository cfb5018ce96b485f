// The reference server: a Fastify instance that speaks the part of Label Studio's API the
// Account & Settings area uses, on a data directory's database.
import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import { corsPluginOptions, fastifyCors, type CorsOptions } from './cors.ts';
import { checkSameOrigin } from './csrf.ts';
import { closeDatabase, openDatabase, secretsOf, type Db } from './db.ts';
import { errorHandler, HttpError, notFoundHandler } from './errors.ts';
import type {} from './fastify-types.ts';
import { loggerOptions } from './logging.ts';
import type { RouteContext } from './routes/common.ts';
import { avatarRoutes } from './routes/avatars.ts';
import { hotkeyRoutes } from './routes/hotkeys.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { projectRoutes } from './routes/projects.ts';
import { sessionRoutes } from './routes/session.ts';
import { signupRoutes } from './routes/signup.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { DEFAULT_SIGN_IN_LIMITS, type Limit } from './throttle.ts';
import { appendSlashIfRouted, LABEL_STUDIO_PATHS as PATHS } from './routes/label-studio-paths.ts';

export type { CorsOptions } from './cors.ts';
export type { Limit } from './throttle.ts';

/** JSON bodies nest at most this deep (a hotkeys map needs 3). */
const MAX_JSON_DEPTH = 32;

/** How `createServer` sets up a server. */
export interface ServerOptions {
  /** Directory holding `label-studio.sqlite3`, `secret-keys.json` and `avatars/`; created (0700) when missing. */
  dataDir: string;
  /** Where the secret keys live instead of `<dataDir>/secret-keys.json` (e.g. on another volume). */
  secretsFile?: string;
  /** The logger's level: pino's names or Label Studio's (`WARNING`, …). @default 'warn' */
  logLevel?: string;
  /** Where log lines go. @default process.stdout */
  logStream?: Writable;
  /** The address clients reach the server at; absolute links in answers start with it. @default links are paths */
  publicUrl?: string;
  /** Other origins whose pages may send cookie-authenticated writes. @default [] */
  trustedOrigins?: string[];
  /** Which other origins' pages may read answers, as Label Studio's django-cors-headers settings say. @default every origin */
  cors?: CorsOptions;
  /** Sign-in attempts allowed per client address and per account. @default 30 and 10 per 10 minutes */
  signInLimits?: { perAddress?: Limit; perAccount?: Limit };
  /** Sign-up needs a valid invitation link, as Label Studio's `LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true`. @default false */
  disableSignupWithoutLink?: boolean;
  /**
   * The page `GET /user/signup/` (the invite link) answers, given the request's URL: a host app's
   * own sign-up page, such as the demo's index.html. @default a plain HTML sign-up form
   */
  signUpPage?: (url: string) => string | Promise<string>;
}

/** A Fastify instance serving the Label Studio API subset; its database closes with it. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
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

/** How deep a parsed JSON value nests, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

async function buildApp(db: Db, options: ServerOptions): Promise<FastifyInstance> {
  const secret = secretsOf(db).signingKey;
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new Error(`The public URL must start with http:// or https://, not "${options.publicUrl}".`);
  }
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'warn', options.logStream),
    // Paths as Label Studio routes them: an extra slash is a 404, a missing one is served.
    rewriteUrl: (request) => appendSlashIfRouted(request.url ?? '/'),
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
    parseJson(request, String(body), (error, value) => {
      if (error) done(error, undefined);
      else if (depthOf(value) > MAX_JSON_DEPTH) {
        done(new HttpError(400, `JSON parse error - nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      } else done(null, value);
    });
  });

  app.decorateRequest('user', null);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Before the hooks below, so a preflight is answered without credentials.
  await app.register(fastifyCors, corsPluginOptions(options.cors));
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

  const context: RouteContext = {
    db,
    secret,
    dataDir: options.dataDir,
    baseUrl: publicUrl ?? '',
    signInLimits: {
      perAddress: options.signInLimits?.perAddress ?? DEFAULT_SIGN_IN_LIMITS.perAddress,
      perAccount: options.signInLimits?.perAccount ?? DEFAULT_SIGN_IN_LIMITS.perAccount,
    },
    signUp: {
      requireInvite: options.disableSignupWithoutLink === true,
      ...(options.signUpPage ? { page: options.signUpPage } : {}),
    },
  };
  app.get(PATHS.health, { config: { public: true } }, async () => ({ status: 'UP' }));
  await app.register(sessionRoutes, context);
  await app.register(signupRoutes, context);
  await app.register(userRoutes, context);
  await app.register(avatarRoutes, context);
  await app.register(tokenRoutes, context);
  await app.register(hotkeyRoutes, context);
  await app.register(organizationRoutes, context);
  await app.register(projectRoutes, context);
  return app;
}
