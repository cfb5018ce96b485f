// Cookie sessions for the demo page (Label Studio's web app logs in through a Django form instead).
import type { FastifyPluginAsync } from 'fastify';
import { findUserByEmail, isActiveMember, verifyPasswordAsync } from '../accounts.ts';
import { endSession, SESSION_COOKIE, startSession } from '../auth.ts';
import { forbidden, HttpError, validationError } from '../errors.ts';
import { createSignInThrottle } from '../throttle.ts';
import { bodyObject, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

export const sessionRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, signInLimits }) => {
  const throttle = createSignInThrottle(signInLimits);

  app.post(PATHS.sessionLogin, { config: { public: true } }, async (request, reply) => {
    const { email, password } = bodyObject(request);
    const errors: Record<string, string[]> = {};
    if (typeof email !== 'string' || !email) errors.email = ['This field is required.'];
    if (typeof password !== 'string' || !password) errors.password = ['This field is required.'];
    if (typeof email !== 'string' || typeof password !== 'string' || Object.keys(errors).length > 0) {
      throw validationError(errors);
    }
    const done = throttle.attempt(request.ip, email);
    const user = findUserByEmail(db, email);
    // The same hashing work whether or not the account exists, off the event loop.
    const ok = await verifyPasswordAsync(password, user?.password_hash);
    done(ok);
    if (!user || !ok) throw new HttpError(401, 'Invalid email or password.');
    // A member removed from their organization could do nothing with a session (see auth.ts).
    if (!isActiveMember(db, user)) throw forbidden();
    startSession(db, request, reply, user.id);
    return { detail: 'ok' };
  });

  app.post(PATHS.sessionLogout, { config: { public: true } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) endSession(db, sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { detail: 'ok' };
  });
};
