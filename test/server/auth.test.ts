// @vitest-environment node
// Reference server: how requests authenticate (legacy token, JWT access token, session cookie)
// and Label Studio's error envelope for failures.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectEnvelope, startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.addUser({ email: 'ada@example.com', password: 'correct horse', token: 'ada-legacy-token' });
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const whoami = (headers: Record<string, string> = {}) =>
  server.inject({ method: 'GET', url: '/api/current-user/whoami', headers });

/**
 * An access token for the user, from a personal token that is then revoked (access tokens live
 * on until they expire, as with simple-jwt), so every test can create its own.
 */
async function accessToken(legacyToken: string): Promise<string> {
  const headers = { authorization: `Token ${legacyToken}` };
  const { token: refresh } = (await server.inject({ method: 'POST', url: '/api/token/', headers })).json();
  const refreshed = await server.inject({ method: 'POST', url: '/api/token/refresh/', payload: { refresh } });
  await server.inject({ method: 'POST', url: '/api/token/blacklist/', headers, payload: { refresh } });
  return refreshed.json().access as string;
}

describe('without credentials', () => {
  it('answers 401 in the envelope, with a WWW-Authenticate challenge', async () => {
    const response = await whoami();
    expectEnvelope(response, 401, 'Authentication credentials were not provided.');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('ignores unknown schemes', async () => {
    expectEnvelope(await whoami({ authorization: 'Basic YTpi' }), 401, 'Authentication credentials were not provided.');
  });

  it('keeps the health check and unknown routes public', async () => {
    const health = await server.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'UP' });
    expectEnvelope(await server.inject({ method: 'GET', url: '/api/no-such-thing/' }), 404, 'Not found.');
  });
});

describe('legacy token', () => {
  it('authenticates with Authorization: Token', async () => {
    const response = await whoami({ authorization: 'Token ada-legacy-token' });
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe('ada@example.com');
  });

  it('refuses an unknown token', async () => {
    expectEnvelope(await whoami({ authorization: 'Token not-a-real-token' }), 401, 'Invalid token.');
  });

  it('refuses malformed headers like Django REST framework', async () => {
    expectEnvelope(await whoami({ authorization: 'Token' }), 401, 'Invalid token header. No credentials provided.');
    expectEnvelope(
      await whoami({ authorization: 'Token a b' }),
      401,
      'Invalid token header. Token string should not contain spaces.',
    );
  });

  it('is off in a new organization, as in Label Studio 1.21+, until the organization turns it on', async () => {
    const grace = server.addUser({
      email: 'grace@example.com',
      password: 'grace-password',
      organizationTitle: 'New org',
      legacyTokens: false,
    });
    const disabled =
      'Authentication token no longer valid: legacy token authentication has been disabled for this organization';
    expectEnvelope(await whoami({ authorization: `Token ${grace.token}` }), 401, disabled);
    const login = await server.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email: 'grace@example.com', password: 'grace-password' },
    });
    const cookie = `sessionid=${login.cookies[0]?.value}`;
    const settings = await server.inject({ method: 'GET', url: '/api/jwt/settings', headers: { cookie } });
    expect(settings.json()).toMatchObject({ api_tokens_enabled: true, legacy_api_tokens_enabled: false });
    const origin = 'http://localhost:80';
    const on = await server.inject({
      method: 'POST',
      url: '/api/jwt/settings',
      headers: { cookie, origin, host: 'localhost:80' },
      payload: { legacy_api_tokens_enabled: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect((await whoami({ authorization: `Token ${grace.token}` })).statusCode).toBe(200);
  });

  it('stops working when the organization disables legacy tokens', async () => {
    const bearer = { authorization: `Bearer ${await accessToken('ada-legacy-token')}` };
    const off = await server.inject({
      method: 'POST',
      url: '/api/jwt/settings',
      headers: bearer,
      payload: { legacy_api_tokens_enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expectEnvelope(
      await whoami({ authorization: 'Token ada-legacy-token' }),
      401,
      'Authentication token no longer valid: legacy token authentication has been disabled for this organization',
    );
    // Personal access tokens still work, so the setting can be switched back.
    const on = await server.inject({
      method: 'POST',
      url: '/api/jwt/settings',
      headers: bearer,
      payload: { legacy_api_tokens_enabled: true },
    });
    expect(on.json()).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 73_000,
    });
    expect((await whoami({ authorization: 'Token ada-legacy-token' })).statusCode).toBe(200);
  });
});

describe('JWT access token', () => {
  it('authenticates with Authorization: Bearer', async () => {
    const access = await accessToken('ada-legacy-token');
    const response = await whoami({ authorization: `Bearer ${access}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe('ada@example.com');
  });

  it('expires after five minutes', async () => {
    const access = await accessToken('ada-legacy-token');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 4 * 60 * 1000);
    expect((await whoami({ authorization: `Bearer ${access}` })).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + 2 * 60 * 1000);
    const expired = await whoami({ authorization: `Bearer ${access}` });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
    });
  });

  it('refuses a tampered token, a refresh token and garbage', async () => {
    const access = await accessToken('ada-legacy-token');
    const [header, payload] = access.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const headers = { authorization: 'Token ada-legacy-token' };
    const { token: refresh } = (await server.inject({ method: 'POST', url: '/api/token/', headers })).json();
    for (const token of [forged, refresh, 'not.a.jwt', 'garbage']) {
      const response = await whoami({ authorization: `Bearer ${token}` });
      expect(response.statusCode).toBe(401);
      expect(response.json().detail).toBe('Given token not valid for any token type');
    }
    await server.inject({ method: 'POST', url: '/api/token/blacklist/', headers, payload: { refresh } });
  });
});

describe('session cookie', () => {
  const login = (payload: unknown) =>
    server.inject({ method: 'POST', url: '/api/session/login', payload: payload as object });

  it('logs in, authenticates with the cookie, and logs out', async () => {
    const response = await login({ email: 'ada@example.com', password: 'correct horse' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ detail: 'ok' });
    const cookie = response.cookies.find((candidate) => candidate.name === 'sessionid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const sessionHeader = { cookie: `sessionid=${cookie?.value}` };
    expect((await whoami(sessionHeader)).json().email).toBe('ada@example.com');

    // A browser sends its page's origin with every POST; the server checks it (forged requests lack it).
    const logout = await server.inject({
      method: 'POST',
      url: '/api/session/logout',
      headers: { ...sessionHeader, origin: 'http://localhost' },
    });
    expect(logout.statusCode).toBe(200);
    expect(logout.cookies.find((candidate) => candidate.name === 'sessionid')?.value).toBe('');
    expectEnvelope(await whoami(sessionHeader), 401, 'Authentication credentials were not provided.');
  });

  it('refuses a wrong password, an unknown email and an unknown cookie', async () => {
    expectEnvelope(await login({ email: 'ada@example.com', password: 'wrong' }), 401, 'Invalid email or password.');
    expectEnvelope(await login({ email: 'nobody@example.com', password: 'x' }), 401, 'Invalid email or password.');
    expectEnvelope(await whoami({ cookie: 'sessionid=forged' }), 401, 'Authentication credentials were not provided.');
  });

  it('asks for both fields', async () => {
    expectEnvelope(await login({}), 400, 'Validation error', {
      email: ['This field is required.'],
      password: ['This field is required.'],
    });
  });

  it('answers a malformed JSON body with 400 in the envelope', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/session/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status_code: 400, version: 'ras-reference', exc_info: null });
  });
});
