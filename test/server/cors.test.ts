// @vitest-environment node
// Reference server: cross-origin answers as Label Studio gives them with django-cors-headers
// (every origin by default, its methods and headers, no credentials, preflight before auth),
// the settings that restrict it, and the cookie-session check that still guards writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsFromEnv } from '../../server/cors';
import { startServer, type TestServer } from './harness';

const PAGE = 'http://127.0.0.1:5173';
const METHODS = 'DELETE, GET, OPTIONS, PATCH, POST, PUT';
const HEADERS = 'accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with';

const preflight = (server: TestServer, url: string, origin = PAGE, method = 'PATCH') =>
  server.inject({
    method: 'OPTIONS',
    url,
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
  });

describe('by default (every origin, as CORS_ALLOW_ALL_ORIGINS is in Label Studio)', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = server.addUser({ email: 'ada@example.com' }).token;
  });
  afterAll(() => server.close());

  it('answers a preflight with 200, Label Studio’s methods and the default headers, before authentication', async () => {
    const response = await preflight(server, '/api/current-user/hotkeys/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-methods']).toBe(METHODS);
    expect(response.headers['access-control-allow-headers']).toBe(HEADERS);
    expect(response.headers['access-control-max-age']).toBe('86400');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a page on another origin read answers, errors included, without credentials', async () => {
    const ok = await server.inject({
      method: 'GET',
      url: '/api/current-user/whoami',
      headers: { origin: PAGE, authorization: `Token ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect(ok.headers.vary).toMatch(/origin/i);
    const refused = await server.inject({ method: 'GET', url: '/api/current-user/whoami', headers: { origin: PAGE } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
  });

  it('sends no CORS headers to a request without an Origin', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/api/current-user/whoami',
      headers: { authorization: `Token ${token}` },
    });
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('still refuses a cookie-authenticated write from another origin', async () => {
    const signIn = await server.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email: 'ada@example.com', password: 'secret-password' },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const forged = await server.inject({
      method: 'POST',
      url: '/api/invite/reset-token',
      headers: { origin: PAGE, cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().detail).toBe(
      `CSRF Failed: Origin checking failed - ${PAGE} does not match any trusted origins.`,
    );
  });
});

describe('restricted, as CORS_ALLOWED_ORIGINS, CORS_ALLOWED_ORIGIN_REGEXES and CORS_ALLOW_ALL_ORIGINS=false say', () => {
  it('answers only the listed origins and those a pattern matches from their start, echoing the origin', async () => {
    const server = await startServer(undefined, {
      cors: { allowedOrigins: ['https://app.example.com'], allowedOriginRegexes: ['https://[a-z]+\\.example\\.org'] },
    });
    try {
      // A pattern is matched from the origin's start only (Python's `re.match`), as there.
      for (const origin of ['https://app.example.com', 'https://team.example.org', 'https://team.example.org.uk']) {
        const response = await preflight(server, '/api/token/', origin, 'POST');
        expect(response.headers['access-control-allow-origin'], origin).toBe(origin);
        expect(response.headers['access-control-allow-methods'], origin).toBe(METHODS);
      }
      for (const origin of [
        'https://evil.example.com',
        'https://x.team.example.org',
        'http://team.example.org',
        PAGE,
      ]) {
        const response = await preflight(server, '/api/token/', origin, 'POST');
        expect(response.headers['access-control-allow-origin'], origin).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });

  it('answers no origin with CORS_ALLOW_ALL_ORIGINS=false and no list', async () => {
    const server = await startServer(undefined, { cors: { allowAllOrigins: false } });
    try {
      const response = await preflight(server, '/api/current-user/whoami', PAGE, 'GET');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('reads the settings from the environment as Label Studio does', () => {
    expect(corsFromEnv({})).toEqual({});
    expect(
      corsFromEnv({
        CORS_ALLOW_ALL_ORIGINS: 'false',
        CORS_ALLOWED_ORIGINS: 'https://a.example.com, https://b.example.com,',
        LABEL_STUDIO_CORS_ALLOWED_ORIGIN_REGEXES: '^https://.*\\.example\\.org$',
        CORS_ALLOWED_ORIGIN_REGEXES: 'ignored',
      }),
    ).toEqual({
      allowAllOrigins: false,
      allowedOrigins: ['https://a.example.com', 'https://b.example.com'],
      allowedOriginRegexes: ['^https://.*\\.example\\.org$'],
    });
    expect(corsFromEnv({ HEARTEX_CORS_ALLOW_ALL_ORIGINS: 'True' })).toEqual({ allowAllOrigins: true });
  });

  it('refuses to start with a pattern that is not a regular expression', async () => {
    await expect(startServer(undefined, { cors: { allowedOriginRegexes: ['https://('] } })).rejects.toThrow(
      'The allowed origin pattern "https://(" is not a regular expression.',
    );
  });
});
