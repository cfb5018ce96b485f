// @vitest-environment node
// Reference server: sign-up, as Label Studio's /user/signup/ form post answers it, and the JSON
// the adapter uses (/api/session/signup, /api/session/signup-policy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEnvelope, startServer, type Client, type Response, type TestServer } from './harness';

const ORIGIN = 'http://localhost:80';
const PASSWORD = 'long-enough-password';
const STALE = 'This invitation link is no longer valid. Ask for a new one.';
const REQUIRED = 'Sign-up needs an invitation link. Ask a member of the organization for one.';

let server: TestServer;
let ada: Client;
let emails = 0;
const newEmail = () => `new-${++emails}@example.com`;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com', organizationTitle: 'Analytical Engines' }));
});
afterAll(() => server.close());

/** Ada's organization's invite token, as GET /api/invite answers it. */
async function inviteToken(client = ada): Promise<string> {
  return (await client.request('GET', '/api/invite')).json().token;
}

/** A browser's form post to the sign-up page (same origin). */
function postForm(query: string, fields: Record<string, string>, target = server): Promise<Response> {
  return target.inject({
    method: 'POST',
    url: `/user/signup/${query}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    payload: new URLSearchParams(fields).toString(),
  });
}

function postJson(body: unknown, target = server): Promise<Response> {
  return target.inject({ method: 'POST', url: '/api/session/signup', payload: body as object });
}

/** The session cookie a response set, as a Cookie header value. */
function sessionCookie(response: Response): string {
  const cookie = response.cookies.find((entry) => entry.name === 'sessionid');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return `sessionid=${cookie.value}`;
}

async function whoamiWith(cookie: string, target = server) {
  const response = await target.inject({ method: 'GET', url: '/api/current-user/whoami', headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function userCount(target = server): Promise<number> {
  const { openDatabase, closeDatabase } = await import('../../server/db.ts');
  const db = openDatabase(target.dataDir);
  try {
    return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()!.n;
  } finally {
    closeDatabase(db);
  }
}

describe('GET /user/signup/', () => {
  it('answers a plain form whose fields password managers recognise, posting back to the same address', async () => {
    const response = await server.inject({ method: 'GET', url: '/user/signup/?next=%2Fprojects%2F' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = response.body;
    expect(page).toContain('<h1>Create an account</h1>');
    expect(page).toContain('action="/user/signup/?next=%2Fprojects%2F"');
    expect(page).toMatch(
      /<label for="email">Email<\/label>[\s\S]*<input id="email" name="email" type="email" autocomplete="email"/,
    );
    expect(page).toMatch(
      /<label for="password">Password<\/label>[\s\S]*<input id="password" name="password" type="password" autocomplete="new-password"/,
    );
  });

  it('names the inviting organization for a valid link, and refuses a stale one with 403 and why', async () => {
    const token = await inviteToken();
    const valid = await server.inject({ method: 'GET', url: `/user/signup/?token=${token}` });
    expect(valid.statusCode).toBe(200);
    expect(valid.body).toContain('<h1>Join Analytical Engines</h1>');
    expect(valid.body).toContain(`action="/user/signup/?token=${token}"`);
    const stale = await server.inject({ method: 'GET', url: '/user/signup/?token=not-a-token' });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain(`<p role="alert">${STALE}</p>`);
    expect(stale.body).not.toContain('<form');
  });

  it('is served without the trailing slash too, as Label Studio serves its paths', async () => {
    expect((await server.inject({ method: 'GET', url: '/user/signup' })).statusCode).toBe(200);
  });

  it("answers the host's own page instead of the form when the server is given one", async () => {
    const withPage = await startServer(undefined, {
      signUpPage: (url) => `<!doctype html><title>Demo</title><p>demo page for ${url}</p>`,
    });
    try {
      const stale = await withPage.inject({ method: 'GET', url: '/user/signup/?token=stale' });
      expect(stale.statusCode).toBe(200);
      expect(stale.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(stale.body).toBe('<!doctype html><title>Demo</title><p>demo page for /user/signup/?token=stale</p>');
      // The form post is still Label Studio's.
      const posted = await postForm('?token=stale', { email: 'x@example.com', password: PASSWORD }, withPage);
      expect(posted.statusCode).toBe(403);
    } finally {
      await withPage.close();
    }
  });
});

describe('POST /user/signup/ (the form)', () => {
  it('creates the account without a link in an organization of its own, signs it in and redirects to the app', async () => {
    const before = await userCount();
    const response = await postForm('', { email: '  Grace.Hopper@Example.COM ', password: PASSWORD });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(await userCount()).toBe(before + 1);
    const me = await whoamiWith(sessionCookie(response));
    // users/forms.py lower-cases the email; save_user takes the username from it.
    expect(me).toMatchObject({ email: 'grace.hopper@example.com', username: 'grace.hopper' });
    expect(me.active_organization).not.toBe(ada.user.organizationId);
    // Its own organization, which it owns.
    expect(me.active_organization_meta).toEqual({ title: 'Label Studio', email: 'grace.hopper@example.com' });
  });

  it('joins the organization whose invite link it came through', async () => {
    const email = newEmail();
    const response = await postForm(`?token=${await inviteToken()}`, { email, password: PASSWORD });
    expect(response.statusCode).toBe(302);
    const me = await whoamiWith(sessionCookie(response));
    expect(me.active_organization).toBe(ada.user.organizationId);
    expect(me.active_organization_meta).toEqual({ title: 'Analytical Engines', email: 'ada@example.com' });
    const members = await ada.request('GET', `/api/organizations/${ada.user.organizationId}/memberships?page_size=-1`);
    expect(members.json().results.map((result: { user: { email: string } }) => result.user.email)).toContain(email);
  });

  it('goes to a next page on this site, and to the start page for any other', async () => {
    const local = await postForm('?next=%2Fuser%2Faccount', { email: newEmail(), password: PASSWORD });
    expect(local.headers.location).toBe('/user/account');
    const elsewhere = await postForm('?next=%2F%2Fevil.example%2F', { email: newEmail(), password: PASSWORD });
    expect(elsewhere.headers.location).toBe('/');
    const absolute = await postForm('?next=https%3A%2F%2Fevil.example%2F', { email: newEmail(), password: PASSWORD });
    expect(absolute.headers.location).toBe('/');
  });

  it("shows the form again with UserSignupForm's messages, keeping the email typed, and creates nothing", async () => {
    const before = await userCount();
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        { email: 'short@example.com', password: 'seven77' },
        'password',
        'Please enter a password 8-12 characters in length',
      ],
      [{ email: 'none@example.com', password: '' }, 'password', 'Please enter a password 8-12 characters in length'],
      [
        { email: 'long@example.com', password: 'p'.repeat(65) },
        'password',
        'Ensure this value has at most 64 characters (it has 65).',
      ],
      [{ email: 'ADA@example.com', password: PASSWORD }, 'email', 'User with email already exists'],
      [{ email: 'not-an-email', password: PASSWORD }, 'email', 'Enter a valid email address.'],
      [{ email: '', password: PASSWORD }, 'email', 'Invalid email'],
      [{ email: `${'a'.repeat(250)}@example.com`, password: PASSWORD }, 'email', 'Email is too long'],
    ];
    for (const [fields, field, message] of cases) {
      const response = await postForm('', fields);
      expect(response.statusCode, JSON.stringify(fields)).toBe(200);
      expect(response.cookies).toEqual([]);
      expect(response.body).toContain(`<p id="${field}-error" class="error">${message}</p>`);
      expect(response.body).toContain(`aria-invalid="true" aria-describedby="${field}-error"`);
      expect(response.body).toContain(`value="${fields.email}"`);
    }
    expect(await userCount()).toBe(before);
  });

  it('accepts exactly 8 and exactly 64 characters, counted as code points', async () => {
    for (const password of ['12345678', 'p'.repeat(64), '😀'.repeat(8)]) {
      expect((await postForm('', { email: newEmail(), password })).statusCode, password).toBe(302);
    }
  });

  it('escapes what it shows back', async () => {
    const response = await postForm('', { email: '"><script>alert(1)</script>', password: 'x' });
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('refuses a reset link with 403 and says so, and takes the new one', async () => {
    const old = await inviteToken();
    const reset = await ada.request('POST', '/api/invite/reset-token');
    expect(reset.statusCode).toBe(201);
    const fresh: string = reset.json().token;
    const before = await userCount();
    const refused = await postForm(`?token=${old}`, { email: newEmail(), password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(STALE);
    expect(refused.cookies).toEqual([]);
    expect(await userCount()).toBe(before);
    const taken = await postForm(`?token=${fresh}`, { email: newEmail(), password: PASSWORD });
    expect(taken.statusCode).toBe(302);
    expect((await whoamiWith(sessionCookie(taken))).active_organization).toBe(ada.user.organizationId);
  });

  it('refuses a post from another origin before reading it', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/user/signup/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      payload: new URLSearchParams({ email: newEmail(), password: PASSWORD }).toString(),
    });
    expectEnvelope(
      response,
      403,
      'CSRF Failed: Origin checking failed - http://evil.example does not match any trusted origins.',
    );
  });

  it('sends a signed-in visitor on, as Label Studio does', async () => {
    const signedUp = await postForm('', { email: newEmail(), password: PASSWORD });
    const cookie = sessionCookie(signedUp);
    const page = await server.inject({ method: 'GET', url: '/user/signup/', headers: { cookie } });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/');
  });
});

describe('POST /api/session/signup (JSON)', () => {
  it('answers 201 with the new user as whoami shows it, and the session cookie', async () => {
    const email = newEmail();
    const response = await postJson({ email, password: PASSWORD, token: await inviteToken() });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      email,
      active_organization: ada.user.organizationId,
      permissions: expect.arrayContaining(['organizations.change']),
    });
    expect(await whoamiWith(sessionCookie(response))).toEqual({ ...body, last_activity: expect.any(String) });
  });

  it("answers 400 with Label Studio's messages per field", async () => {
    const response = await postJson({ email: 'ada@EXAMPLE.com', password: 'short' });
    expectEnvelope(response, 400, 'Validation error', {
      email: ['User with email already exists'],
      password: ['Please enter a password 8-12 characters in length'],
    });
    expect(response.cookies).toEqual([]);
    expectEnvelope(await postJson({}), 400, 'Validation error', {
      email: ['Invalid email'],
      password: ['Please enter a password 8-12 characters in length'],
    });
  });

  it("answers a stale token with the token's field error, and checks it before the rest", async () => {
    expectEnvelope(
      await postJson({ email: 'ada@example.com', password: 'x', token: 'stale' }),
      400,
      'Validation error',
      {
        token: [STALE],
      },
    );
    expectEnvelope(await postJson({ email: newEmail(), password: PASSWORD, token: 5 }), 400, 'Validation error', {
      token: ['Not a valid string.'],
    });
  });

  it('gives one of two sign-ups racing for an email the account, and the other the taken-email error', async () => {
    const email = newEmail();
    const [first, second] = await Promise.all([
      postJson({ email, password: PASSWORD }),
      postJson({ email, password: PASSWORD }),
    ]);
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([201, 400]);
    const refused = first!.statusCode === 400 ? first! : second!;
    expect(refused.json().validation_errors).toEqual({ email: ['User with email already exists'] });
  });
});

describe('GET /api/session/signup-policy', () => {
  const policy = async (query = '', target = server) => {
    const response = await target.inject({ method: 'GET', url: `/api/session/signup-policy${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('answers without authentication whether sign-up is open, and which organization a link joins', async () => {
    expect(await policy()).toEqual({ allowed: true });
    expect(await policy('?token=')).toEqual({ allowed: true });
    expect(await policy(`?token=${await inviteToken()}`)).toEqual({
      allowed: true,
      organization: 'Analytical Engines',
    });
    expect(await policy('?token=stale')).toEqual({ allowed: false, reason: 'invite-invalid' });
  });

  it("refuses a reset link's old token", async () => {
    const old = await inviteToken();
    await ada.request('POST', '/api/invite/reset-token');
    expect(await policy(`?token=${old}`)).toEqual({ allowed: false, reason: 'invite-invalid' });
    expect((await policy(`?token=${await inviteToken()}`)).allowed).toBe(true);
  });
});

describe('with sign-up only through a link (disableSignupWithoutLink)', () => {
  let restricted: TestServer;
  let owner: Client;

  beforeAll(async () => {
    restricted = await startServer(undefined, { disableSignupWithoutLink: true });
    owner = restricted.as(restricted.addUser({ email: 'owner@example.com', organizationTitle: 'Closed Shop' }));
  });
  afterAll(() => restricted.close());

  it('refuses the bare page, the form post and the JSON, saying a link is needed', async () => {
    const page = await restricted.inject({ method: 'GET', url: '/user/signup/' });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain(`<p role="alert">${REQUIRED}</p>`);
    const form = await postForm('', { email: newEmail(), password: PASSWORD }, restricted);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain(REQUIRED);
    expectEnvelope(await postJson({ email: newEmail(), password: PASSWORD }, restricted), 400, 'Validation error', {
      token: [REQUIRED],
    });
    const answer = await restricted.inject({ method: 'GET', url: '/api/session/signup-policy' });
    expect(answer.json()).toEqual({ allowed: false, reason: 'invite-required' });
    expect(await userCount(restricted)).toBe(1);
  });

  it('takes a valid link, into its organization', async () => {
    const token = await inviteToken(owner);
    const response = await postForm(`?token=${token}`, { email: newEmail(), password: PASSWORD }, restricted);
    expect(response.statusCode).toBe(302);
    expect((await whoamiWith(sessionCookie(response), restricted)).active_organization_meta.title).toBe('Closed Shop');
  });
});
