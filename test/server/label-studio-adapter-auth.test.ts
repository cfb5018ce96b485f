// @vitest-environment node
// How the Label Studio adapter authenticates, against the real reference server on loopback:
// a personal access token exchanged for short-lived access tokens and refreshed, and the legacy token.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { makePng } from '../../src/testing/image-fixtures';
import { startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
let accounts = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
});

afterAll(() => server.close());

afterEach(() => {
  vi.useRealTimers();
});

/** Every request the adapter sends, as it reaches the network; `rewrite` may change one before it leaves. */
function recordingFetch(rewrite?: (url: string, init: RequestInit) => RequestInit) {
  const sent: Array<{ path: string; authorization: string | undefined }> = [];
  const fetchImpl: typeof fetch = (input, init = {}) => {
    const url = String(input);
    const finalInit = rewrite ? rewrite(url, init) : init;
    const headers = new Headers(finalInit.headers);
    sent.push({ path: new URL(url).pathname, authorization: headers.get('Authorization') ?? undefined });
    return fetch(input, finalInit);
  };
  return { sent, fetchImpl };
}

/** A fresh user with a personal access token created through the adapter on its legacy token. */
async function userWithPersonalToken() {
  const n = ++accounts;
  const user = server.addUser({ email: `person-${n}@example.com`, organizationTitle: `Org ${n}` });
  const legacy = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: user.token } });
  const created = await legacy.createPersonalToken!({ expiresInDays: null });
  return { user, legacy, refreshToken: created.token, listedId: created.info.id };
}

const refreshes = (sent: Array<{ path: string }>) => sent.filter((request) => request.path === '/api/token/refresh/');

describe('personal access token', () => {
  it('exchanges the token once for an access token and sends it as Bearer', async () => {
    const { user, refreshToken } = await userWithPersonalToken();
    const { sent, fetchImpl } = recordingFetch();
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'personal', refreshToken },
      fetch: fetchImpl,
    });

    expect((await adapter.getCurrentUser()).email).toBe(user.email);
    expect((await adapter.updateProfile!({ firstName: 'Ada' })).firstName).toBe('Ada');
    expect(await adapter.getHotkeys!()).toEqual({});

    expect(refreshes(sent)).toHaveLength(1);
    const calls = sent.filter((request) => request.path !== '/api/token/refresh/');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) expect(call.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    // The refresh token itself never travels as a credential header.
    expect(sent.some((request) => request.authorization?.includes(refreshToken))).toBe(false);
  });

  it('uploads a photo with the access token', async () => {
    const { refreshToken } = await userWithPersonalToken();
    const adapter = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'personal', refreshToken } });
    const progress: number[] = [];
    const user = await adapter.uploadAvatar!(new Blob([makePng(20, 20)], { type: 'image/png' }), {
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(user.avatarUrl).toMatch(/\/data\/avatars\/[0-9a-f-]+\.png$/);
    // The server answers a path; the adapter resolves it against the server, where it loads.
    expect(user.avatarUrl!.startsWith(`${server.baseUrl}/data/avatars/`)).toBe(true);
    expect((await fetch(user.avatarUrl!)).headers.get('content-type')).toBe('image/png');
    expect(progress.at(-1)).toBe(1);
  });

  it('gets a new access token once the old one has expired', async () => {
    const { refreshToken } = await userWithPersonalToken();
    const { sent, fetchImpl } = recordingFetch();
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'personal', refreshToken },
      fetch: fetchImpl,
    });
    // Only Date is faked: the server and the adapter share this clock; sockets and timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await adapter.getCurrentUser();
    const firstAccess = sent.at(-1)!.authorization;

    vi.setSystemTime(Date.now() + 10 * 60 * 1000); // access tokens live 5 minutes
    await adapter.getMembership!();
    expect(refreshes(sent)).toHaveLength(2);
    expect(sent.at(-1)!.authorization).not.toBe(firstAccess);
  });

  it('refreshes and retries once when the server rejects an access token early', async () => {
    const { user, refreshToken } = await userWithPersonalToken();
    let spoiled = false;
    // The server rejects the first access token (as after a key rotation): the adapter must recover by itself.
    const { sent, fetchImpl } = recordingFetch((url, init) => {
      const headers = new Headers(init.headers);
      if (spoiled || !headers.get('Authorization')?.startsWith('Bearer ')) return init;
      spoiled = true;
      headers.set('Authorization', 'Bearer not.a.token');
      return { ...init, headers };
    });
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'personal', refreshToken },
      fetch: fetchImpl,
    });
    expect((await adapter.getCurrentUser()).email).toBe(user.email);
    expect(refreshes(sent)).toHaveLength(2);
    expect(sent.filter((request) => request.path === '/api/current-user/whoami')).toHaveLength(2);
  });

  it('reports a revoked token as unauthorized, without retrying forever', async () => {
    const { legacy, refreshToken, listedId } = await userWithPersonalToken();
    const { sent, fetchImpl } = recordingFetch();
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'personal', refreshToken },
      fetch: fetchImpl,
    });
    await legacy.revokePersonalToken!(listedId);
    const error = await adapter.getCurrentUser().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccountError);
    expect((error as AccountError).code).toBe('unauthorized');
    expect(sent.length).toBeLessThanOrEqual(2);
  });
});

describe('legacy token', () => {
  it('keeps working after renewing the token it signs in with, and the old token stops working', async () => {
    const n = ++accounts;
    const user = server.addUser({ email: `legacy-${n}@example.com`, organizationTitle: `Org L${n}` });
    const adapter = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: user.token } });
    const renewed = await adapter.renewLegacyToken!();
    expect(renewed.token).not.toBe(user.token);
    expect((await adapter.getCurrentUser()).email).toBe(user.email);

    const stale = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: user.token } });
    await expect(stale.getCurrentUser()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
