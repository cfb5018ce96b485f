// @vitest-environment node
// Reference server: personal access tokens (JWT refresh tokens) and the organization's JWT settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEnvelope, expectKeys, startServer, type Client, type TestServer } from './harness';

const TWO_HUNDRED_YEARS_MS = 200 * 365 * 24 * 60 * 60 * 1000;

let server: TestServer;
let ada: Client;
let bob: Client;
let carol: Client;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com' }));
  bob = server.as(server.addUser({ email: 'bob@example.com' }));
  carol = server.as(server.addUser({ email: 'carol@example.com', organizationTitle: 'Other Org' }));
});
afterAll(() => server.close());

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

const refresh = (token: unknown) =>
  server.inject({ method: 'POST', url: '/api/token/refresh/', payload: { refresh: token } });

describe('/api/token/', () => {
  it('starts empty, creates one token, and lists it without its signature', async () => {
    expect((await ada.request('GET', '/api/token/')).json()).toEqual([]);

    const created = await ada.request('POST', '/api/token/');
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expectKeys(body, ['token', 'created_at', 'expires_at']);
    expect(body.token.split('.')).toHaveLength(3);
    expect(decodePayload(body.token)).toMatchObject({ token_type: 'refresh', user_id: ada.user.id });
    expect(decodePayload(body.token).jti).toEqual(expect.any(String));
    const lifetime = Date.parse(body.expires_at) - Date.parse(body.created_at);
    expect(lifetime).toBe(TWO_HUNDRED_YEARS_MS);

    const listed = await ada.request('GET', '/api/token');
    expect(listed.statusCode).toBe(200);
    const [entry, ...rest] = listed.json();
    expect(rest).toEqual([]);
    // LSEAPITokenList: token, created_at, expires_at.
    expectKeys(entry, ['token', 'created_at', 'expires_at']);
    expect(entry).toEqual({
      token: body.token.split('.').slice(0, 2).join('.'),
      created_at: body.created_at,
      expires_at: body.expires_at,
    });
  });

  it('accepts a POST with a JSON content type and no body, as browsers send it', async () => {
    const response = await carol.request('POST', '/api/token/', undefined, { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(201);
    await carol.request('POST', '/api/token/blacklist/', { refresh: response.json().token });
  });

  it('allows one valid token at a time (409)', async () => {
    expectEnvelope(
      await ada.request('POST', '/api/token/'),
      409,
      'You already have a valid token. Please revoke it before creating a new one.',
    );
  });

  it("lists only the requester's tokens", async () => {
    expect((await bob.request('GET', '/api/token/')).json()).toEqual([]);
    expect((await carol.request('GET', '/api/token/')).json()).toEqual([]);
  });

  it('needs authentication', async () => {
    expectEnvelope(
      await server.inject({ method: 'GET', url: '/api/token/' }),
      401,
      'Authentication credentials were not provided.',
    );
  });
});

describe('/api/token/refresh/', () => {
  it('exchanges a refresh token for a five-minute access token', async () => {
    const { token } = (await bob.request('POST', '/api/token/')).json();
    const response = await refresh(token);
    expect(response.statusCode).toBe(200);
    expectKeys(response.json(), ['access']);
    const claims = decodePayload(response.json().access);
    expect(claims).toMatchObject({ token_type: 'access', user_id: bob.user.id });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    await bob.request('POST', '/api/token/blacklist/', { refresh: token });
  });

  it('answers 401 token_not_valid for garbage, a forged signature and the truncated form', async () => {
    const { token } = (await bob.request('POST', '/api/token/')).json();
    const [header, payload] = (token as string).split('.');
    for (const candidate of ['garbage', `${header}.${payload}.${'A'.repeat(43)}`, `${header}.${payload}`]) {
      const response = await refresh(candidate);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        status_code: 401,
        detail: 'Token is invalid or expired',
        code: 'token_not_valid',
      });
    }
    await bob.request('POST', '/api/token/blacklist/', { refresh: token });
  });

  it('refuses an access token in place of a refresh token', async () => {
    const { token } = (await bob.request('POST', '/api/token/')).json();
    const { access } = (await refresh(token)).json();
    expect((await refresh(access)).statusCode).toBe(401);
    await bob.request('POST', '/api/token/blacklist/', { refresh: token });
  });

  it('asks for the refresh field', async () => {
    const response = await server.inject({ method: 'POST', url: '/api/token/refresh/', payload: {} });
    expectEnvelope(response, 400, 'Validation error', { refresh: ['This field is required.'] });
  });
});

describe('/api/token/blacklist/', () => {
  it('revokes a token given in full: 204, then it is gone and cannot refresh', async () => {
    const { token } = (await bob.request('POST', '/api/token/')).json();
    const response = await bob.request('POST', '/api/token/blacklist/', { refresh: token });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await bob.request('GET', '/api/token/')).json()).toEqual([]);
    const refused = await refresh(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ detail: 'Token is blacklisted', code: 'token_not_valid' });
  });

  it('revokes a token given as listed (header.payload)', async () => {
    await bob.request('POST', '/api/token/');
    const [{ token: truncated }] = (await bob.request('GET', '/api/token/')).json();
    expect((await bob.request('POST', '/api/token/blacklist/', { refresh: truncated })).statusCode).toBe(204);
    expect((await bob.request('GET', '/api/token/')).json()).toEqual([]);
    // With no valid token left, a new one may be created.
    const { token } = (await bob.request('POST', '/api/token/')).json();
    await bob.request('POST', '/api/token/blacklist/', { refresh: token });
  });

  it('answers 404 with a plain detail for a revoked, unknown or malformed token', async () => {
    const { token } = (await bob.request('POST', '/api/token/')).json();
    await bob.request('POST', '/api/token/blacklist/', { refresh: token });
    for (const candidate of [token, 'abc.def', 'garbage']) {
      const response = await bob.request('POST', '/api/token/blacklist/', { refresh: candidate });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ detail: 'Token is invalid or already blacklisted.' });
    }
  });

  it("cannot revoke another user's token", async () => {
    const [{ token: adasToken }] = (await ada.request('GET', '/api/token/')).json();
    for (const client of [bob, carol]) {
      const response = await client.request('POST', '/api/token/blacklist/', { refresh: adasToken });
      expect(response.statusCode).toBe(404);
    }
    expect((await ada.request('GET', '/api/token/')).json()).toHaveLength(1);
  });
});

describe('/api/token/rotate/', () => {
  it('replaces a token with a new one and revokes the old', async () => {
    const { token } = (await carol.request('POST', '/api/token/')).json();
    const response = await carol.request('POST', '/api/token/rotate/', { refresh: token });
    expect(response.statusCode).toBe(200);
    const { refresh: rotated } = response.json();
    expect(rotated).not.toBe(token);
    expect((await refresh(token)).statusCode).toBe(401);
    expect((await refresh(rotated)).statusCode).toBe(200);
    const again = await carol.request('POST', '/api/token/rotate/', { refresh: token });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ detail: 'Token is invalid or already blacklisted.' });
    await carol.request('POST', '/api/token/blacklist/', { refresh: rotated });
  });
});

describe('/api/jwt/settings', () => {
  it('answers the OSS JWT settings, enabled by default', async () => {
    const response = await ada.request('GET', '/api/jwt/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ api_tokens_enabled: true, legacy_api_tokens_enabled: true });
  });

  it('saves and answers 200 with the saved object; fields left out keep their value', async () => {
    const off = await bob.request('POST', '/api/jwt/settings', { api_tokens_enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ api_tokens_enabled: false, legacy_api_tokens_enabled: true });
    expect((await ada.request('GET', '/api/jwt/settings')).json()).toEqual(off.json());
    // Another organization is not affected.
    expect((await carol.request('GET', '/api/jwt/settings')).json()).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
    });
  });

  it('forbids listing and creating personal tokens while they are disabled', async () => {
    const forbidden = 'You do not have permission to perform this action.';
    expectEnvelope(await ada.request('GET', '/api/token/'), 403, forbidden);
    expectEnvelope(await ada.request('POST', '/api/token/'), 403, forbidden);
    const on = await ada.request('POST', '/api/jwt/settings', { api_tokens_enabled: true, api_token_ttl_days: 30 });
    expect(on.json()).toEqual({ api_tokens_enabled: true, legacy_api_tokens_enabled: true });
    expect((await ada.request('GET', '/api/token/')).statusCode).toBe(200);
  });

  it('refuses values that are not booleans', async () => {
    expectEnvelope(
      await ada.request('POST', '/api/jwt/settings', { api_tokens_enabled: 'sometimes' }),
      400,
      'Validation error',
      {
        api_tokens_enabled: ['Must be a valid boolean.'],
      },
    );
  });
});
