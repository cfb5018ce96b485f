// @vitest-environment node
// Reference server: personal access tokens (JWT refresh tokens) and the organization's JWT settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEnvelope, expectKeys, startServer, type Client, type TestServer } from './harness';

const DAY_SECONDS = 24 * 60 * 60;

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
    // LSAPITokenCreateSerializer: the full token and nothing else.
    expectKeys(body, ['token']);
    expect(body.token.split('.')).toHaveLength(3);
    const claims = decodePayload(body.token);
    expect(claims).toMatchObject({ token_type: 'refresh', user_id: ada.user.id });
    expect(claims.jti).toEqual(expect.any(String));
    // The organization's api_token_ttl_days, 73000 (200 years) by default.
    expect(Number(claims.exp) - Number(claims.iat)).toBe(73_000 * DAY_SECONDS);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(60);

    const listed = await ada.request('GET', '/api/token');
    expect(listed.statusCode).toBe(200);
    // LSAPITokenListSerializer: `header.payload` only, no created_at or expires_at.
    expect(listed.json()).toEqual([{ token: body.token.split('.').slice(0, 2).join('.') }]);
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
  it('answers the JWT settings: personal tokens on, legacy tokens as the organization set them, 73000 days', async () => {
    const response = await ada.request('GET', '/api/jwt/settings');
    expect(response.statusCode).toBe(200);
    // The harness turned legacy tokens on for this organization (a new one has them off).
    expect(response.json()).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 73_000,
    });
  });

  it('saves and answers 200 with the saved object; fields left out keep their value', async () => {
    const off = await bob.request('POST', '/api/jwt/settings', { api_tokens_enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({
      api_tokens_enabled: false,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 73_000,
    });
    expect((await ada.request('GET', '/api/jwt/settings')).json()).toEqual(off.json());
    // Another organization is not affected.
    expect((await carol.request('GET', '/api/jwt/settings')).json()).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 73_000,
    });
  });

  it('forbids listing and creating personal tokens while they are disabled', async () => {
    const forbidden = 'You do not have permission to perform this action.';
    expectEnvelope(await ada.request('GET', '/api/token/'), 403, forbidden);
    expectEnvelope(await ada.request('POST', '/api/token/'), 403, forbidden);
    const on = await ada.request('POST', '/api/jwt/settings', { api_tokens_enabled: true });
    expect(on.json()).toEqual({
      api_tokens_enabled: true,
      legacy_api_tokens_enabled: true,
      api_token_ttl_days: 73_000,
    });
    expect((await ada.request('GET', '/api/token/')).statusCode).toBe(200);
  });

  it("sets the organization's token lifetime, which new tokens carry in their exp", async () => {
    const dora = server.as(server.addUser({ email: 'dora@example.com', organizationTitle: 'TTL Org' }));
    const set = await dora.request('POST', '/api/jwt/settings', { api_token_ttl_days: 30 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ api_token_ttl_days: 30 });
    expect((await dora.request('GET', '/api/jwt/settings')).json()).toMatchObject({ api_token_ttl_days: 30 });
    const created = (await dora.request('POST', '/api/token/')).json();
    const claims = decodePayload(created.token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(30 * DAY_SECONDS);
    // Other organizations keep theirs.
    expect((await carol.request('GET', '/api/jwt/settings')).json()).toMatchObject({ api_token_ttl_days: 73_000 });
    // A rotated token gets the lifetime in force when it is made.
    await dora.request('POST', '/api/jwt/settings', { api_token_ttl_days: '7' });
    const rotated = (await dora.request('POST', '/api/token/rotate/', { refresh: created.token })).json();
    const rotatedClaims = decodePayload(rotated.refresh);
    expect(Number(rotatedClaims.exp) - Number(rotatedClaims.iat)).toBe(7 * DAY_SECONDS);
  });

  it('refuses a token lifetime that is not a whole number of days from 1 to 73000', async () => {
    for (const [value, message] of [
      [0, 'Ensure this value is greater than or equal to 1.'],
      [73_001, 'Ensure this value is less than or equal to 73000.'],
      [1.5, 'A valid integer is required.'],
      ['soon', 'A valid integer is required.'],
      [null, 'This field may not be null.'],
    ] as const) {
      expectEnvelope(
        await carol.request('POST', '/api/jwt/settings', { api_token_ttl_days: value }),
        400,
        'Validation error',
        { api_token_ttl_days: [message] },
      );
    }
    expect((await carol.request('GET', '/api/jwt/settings')).json()).toMatchObject({ api_token_ttl_days: 73_000 });
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
