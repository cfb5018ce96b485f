// Sign-up: Label Studio's form at /user/signup/ (users/views.py `user_signup`; the rules are in
// ../signup.ts), and the reference server's own JSON beside /api/session/login for the adapter
// (Label Studio has no JSON sign-up): /api/session/signup and /api/session/signup-policy.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, startSession, userForSession } from '../auth.ts';
import { validationError } from '../errors.ts';
import { whoamiBody } from '../serialize.ts';
import {
  checkSignUpFields,
  refusalMessage,
  registerUser,
  signUpPolicy,
  type FieldErrors,
  type SignUpPolicy,
} from '../signup.ts';
import { bodyObject, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

/**
 * Where to go after signing up: `next` when it is a path on this site (Django's
 * `url_has_allowed_host_and_scheme`), else the app's start page.
 */
function nextPage(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** The query string of the page's own address, for the form's action (keeps `token` and `next`). */
function ownQuery(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at === -1 ? '' : request.url.slice(at);
}

interface FormPage {
  action: string;
  email?: string;
  errors?: FieldErrors;
  /** Shown instead of the form: why sign-up is refused. */
  refusal?: string;
  organizationTitle?: string;
}

/** The plain server-rendered sign-up page (no scripts, no styles a reader needs). */
function formPage({ action, email = '', errors = {}, refusal, organizationTitle }: FormPage): string {
  const fieldError = (field: string) =>
    errors[field]?.length ? `<p id="${field}-error" class="error">${errors[field].map(escapeHtml).join(' ')}</p>` : '';
  const described = (field: string) =>
    errors[field]?.length ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const heading = organizationTitle ? `Join ${escapeHtml(organizationTitle)}` : 'Create an account';
  const body = refusal
    ? `<p role="alert">${escapeHtml(refusal)}</p>`
    : `<form method="post" action="${escapeHtml(action)}" novalidate>
      <p><label for="email">Email</label><br>
        <input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(email)}"${described('email')}></p>
      ${fieldError('email')}
      <p><label for="password">Password</label><br>
        <input id="password" name="password" type="password" autocomplete="new-password" required${described('password')}></p>
      ${fieldError('password')}
      <p><button type="submit">Sign up</button></p>
    </form>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Sign up</title>
  </head>
  <body>
    <main>
      <h1>${heading}</h1>
      ${body}
    </main>
  </body>
</html>
`;
}

/** A form-encoded body as an object of its first values; Django's QueryDict.get reads the last, which no form here repeats. */
function parseFormBody(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

export const signupRoutes: FastifyPluginAsync<RouteContext> = async (app, context) => {
  const { db, baseUrl, signUp } = context;
  const policyFor = (token: unknown): SignUpPolicy =>
    signUpPolicy(db, typeof token === 'string' ? token : undefined, signUp.requireInvite);

  // Only this plugin's routes read form posts (Django's request.POST); the API stays JSON.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormBody(String(body)));
  });

  const html = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(page);

  app.get<{ Querystring: { token?: unknown; next?: unknown } }>(
    PATHS.signup,
    { config: { public: true } },
    async (request, reply) => {
      // The host's own sign-up page when it has one (the demo's): it reads `?token=` itself.
      if (signUp.page) {
        return reply
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .send(await signUp.page(request.url));
      }
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId && userForSession(db, sessionId)) return reply.redirect(nextPage(request.query.next));
      const policy = policyFor(request.query.token);
      const action = `${PATHS.signup}${ownQuery(request)}`;
      if (!policy.allowed) return html(reply, 403, formPage({ action, refusal: refusalMessage(policy.reason!) }));
      return html(
        reply,
        200,
        formPage({ action, ...(policy.organization ? { organizationTitle: policy.organization.title } : {}) }),
      );
    },
  );

  app.post<{ Querystring: { token?: unknown; next?: unknown } }>(
    PATHS.signup,
    { config: { public: true } },
    async (request, reply) => {
      const action = `${PATHS.signup}${ownQuery(request)}`;
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId && userForSession(db, sessionId)) return reply.redirect(nextPage(request.query.next));
      // The token comes from the page's address, as in Label Studio, and is checked first.
      const policy = policyFor(request.query.token);
      if (!policy.allowed) return html(reply, 403, formPage({ action, refusal: refusalMessage(policy.reason!) }));
      const form = bodyObject(request);
      const checked = checkSignUpFields(db, form.email, form.password);
      const organizationTitle = policy.organization ? { organizationTitle: policy.organization.title } : {};
      const typedEmail = typeof form.email === 'string' ? form.email : '';
      if (!checked.ok) {
        return html(reply, 200, formPage({ action, email: typedEmail, errors: checked.errors, ...organizationTitle }));
      }
      const registered = await registerUser(db, checked, policy.organization);
      if (!registered.ok) {
        return html(
          reply,
          200,
          formPage({ action, email: typedEmail, errors: registered.errors, ...organizationTitle }),
        );
      }
      startSession(db, request, reply, registered.user.id);
      return reply.redirect(nextPage(request.query.next));
    },
  );

  app.get<{ Querystring: { token?: unknown } }>(PATHS.signUpPolicy, { config: { public: true } }, async (request) => {
    const policy = policyFor(request.query.token);
    return {
      allowed: policy.allowed,
      ...(policy.reason ? { reason: policy.reason } : {}),
      ...(policy.organization ? { organization: policy.organization.title } : {}),
    };
  });

  app.post(PATHS.sessionSignup, { config: { public: true } }, async (request, reply) => {
    const body = bodyObject(request);
    if (body.token !== undefined && body.token !== null && typeof body.token !== 'string') {
      throw validationError({ token: ['Not a valid string.'] });
    }
    const policy = policyFor(body.token ?? undefined);
    if (!policy.allowed) throw validationError({ token: [refusalMessage(policy.reason!)] });
    const checked = checkSignUpFields(db, body.email, body.password);
    if (!checked.ok) throw validationError(checked.errors);
    const registered = await registerUser(db, checked, policy.organization);
    if (!registered.ok) throw validationError(registered.errors);
    startSession(db, request, reply, registered.user.id);
    return reply.code(201).send(whoamiBody(db, registered.user, baseUrl));
  });
};
