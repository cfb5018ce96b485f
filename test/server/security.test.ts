// @vitest-environment node
// Reference server under attack, as a tester on loopback would attack it: each attack gets a
// refusal, and the data shows that nothing changed. (The demo's dev server serving the data is
// checked in test/e2e/demo-security.e2e.test.ts.)
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { get as httpGet, request as httpRequest } from 'node:http';
import fsPromises from 'node:fs/promises';
import type * as NodeCrypto from 'node:crypto';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultDataDir } from '../../server/paths.ts';
import { addUser } from '../../server/seed.ts';
import { runCli } from './cli';
import {
  fixtureImage,
  makeDataDir,
  multipart,
  REPO_ROOT,
  removeDataDir,
  startLoopbackServer,
  startServer,
  type LoopbackServer,
  type TestServerOptions,
} from './harness';

const ENVELOPE = {
  id: expect.stringMatching(/^[0-9a-f-]{36}$/),
  version: 'ras-reference',
  exc_info: null,
};

/** Limits high enough that a test which is not about them never meets them. */
const NO_LIMITS = {
  perAddress: { attempts: 10_000, windowMs: 60_000 },
  perAccount: { attempts: 10_000, windowMs: 60_000 },
};

const servers: LoopbackServer[] = [];
async function start(options: TestServerOptions = {}): Promise<LoopbackServer> {
  const server = await startLoopbackServer({ signInLimits: NO_LIMITS, ...options });
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});
afterEach(() => vi.useRealTimers());

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

/** A real HTTP request to the server, with exactly the headers given. */
async function send(
  server: LoopbackServer,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Sent> {
  const payload = typeof body === 'string' || body === undefined ? (body ?? null) : new Uint8Array(body);
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const PASSWORD = 'correct horse battery';

/** Signs in like the demo page does (same origin) and answers the session cookie header. */
async function signIn(server: LoopbackServer, email: string, password = PASSWORD): Promise<string> {
  const response = await send(server, 'POST', '/api/session/login', {
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, response.text).toBe(200);
  const cookie = /sessionid=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('no session cookie');
  return `sessionid=${cookie}`;
}

/** Files in a data directory's avatars folder. */
const avatarFiles = (server: LoopbackServer) => readdirSync(join(server.dataDir, 'avatars'));

describe('forged cross-origin requests with the session cookie', () => {
  let server: LoopbackServer;
  let cookie: string;
  let user: { id: number; token: string };
  // Another localhost port: same site for the browser (cookies go along), another origin.
  const evil = 'http://127.0.0.1:6666';

  beforeAll(async () => {
    server = await start();
    user = server.addUser({ email: 'victim@example.com', password: PASSWORD });
    cookie = await signIn(server, 'victim@example.com');
  });

  const asVictim = (path: string) => send(server, 'GET', path, { headers: { cookie } }).then((r) => r.json());

  /** A `text/plain` form that auto-submits from the attacker's page. */
  const forgedForm = (path: string, headers: Record<string, string> = { origin: evil }) =>
    send(server, 'POST', path, {
      headers: { cookie, 'content-type': 'text/plain', ...headers },
      body: 'x=1',
    });

  function expectCsrfRefusal(response: Sent, reason: string) {
    expect(response.status, response.text).toBe(403);
    expect(response.json()).toEqual({ ...ENVELOPE, status_code: 403, detail: `CSRF Failed: ${reason}` });
  }

  it('refuses a forged legacy token reset, and the token stays', async () => {
    const before = await asVictim('/api/current-user/token');
    expect(before).toEqual({ token: user.token });
    expectCsrfRefusal(
      await forgedForm('/api/current-user/reset-token/'),
      `Origin checking failed - ${evil} does not match any trusted origins.`,
    );
    expect(await asVictim('/api/current-user/token')).toEqual(before);
  });

  it('refuses a forged invite link reset, and the link stays', async () => {
    const before = await asVictim('/api/invite');
    expect((await forgedForm('/api/invite/reset-token')).status).toBe(403);
    expect(await asVictim('/api/invite')).toEqual(before);
  });

  it('refuses a forged personal token creation, and there is still none', async () => {
    expect((await forgedForm('/api/token/')).status).toBe(403);
    expect(await send(server, 'GET', '/api/token/', { headers: { cookie } }).then((r) => r.json())).toEqual([]);
  });

  it('refuses a forged multipart avatar upload, and nothing is written', async () => {
    const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
    const response = await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
      headers: { ...headers, cookie, origin: evil },
      body: payload,
    });
    expect(response.status).toBe(403);
    expect((await asVictim('/api/current-user/whoami')).avatar).toBeNull();
    expect(avatarFiles(server)).toEqual([]);
  });

  it('refuses a forged profile change, sign-out and sign-in', async () => {
    const patch = await send(server, 'PATCH', `/api/users/${user.id}/`, {
      headers: { cookie, origin: evil, 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Mallory' }),
    });
    expect(patch.status).toBe(403);
    expect((await asVictim('/api/current-user/whoami')).first_name).toBe('');
    expect((await forgedForm('/api/session/logout')).status).toBe(403);
    expect((await send(server, 'GET', '/api/current-user/whoami', { headers: { cookie } })).status).toBe(200);
    // Signing the victim's browser in to another account is refused too (login CSRF).
    const login = await send(server, 'POST', '/api/session/login', {
      headers: { origin: evil, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'victim@example.com', password: PASSWORD }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
  });

  it('checks Referer when there is no Origin, and refuses a cookie with neither', async () => {
    const before = await asVictim('/api/current-user/token');
    expectCsrfRefusal(
      await forgedForm('/api/current-user/reset-token/', { referer: `${evil}/attack.html` }),
      `Referer checking failed - ${evil}/attack.html does not match any trusted origins.`,
    );
    expectCsrfRefusal(await forgedForm('/api/current-user/reset-token/', {}), 'Referer checking failed - no Referer.');
    expectCsrfRefusal(
      await forgedForm('/api/current-user/reset-token/', { origin: 'null' }),
      'Origin checking failed - null does not match any trusted origins.',
    );
    expect(await asVictim('/api/current-user/token')).toEqual(before);
  });

  it("takes writes from the page's own origin, and token-authenticated calls from anywhere", async () => {
    const sameOrigin = await forgedForm('/api/current-user/reset-token/', { origin: server.baseUrl });
    expect(sameOrigin.status).toBe(201);
    const renewed = sameOrigin.json().token as string;
    const byReferer = await forgedForm('/api/invite/reset-token', { referer: `${server.baseUrl}/#organization` });
    expect(byReferer.status).toBe(201);
    // A script with the token is no browser page: Origin does not matter.
    const byToken = await send(server, 'POST', '/api/current-user/reset-token/', {
      headers: { authorization: `Token ${renewed}`, origin: evil },
    });
    expect(byToken.status).toBe(201);
    expect(await asVictim('/api/current-user/token')).toEqual(byToken.json());
  });
});

describe('sign-in', () => {
  it('does the same work for an unknown email as for a known one', async () => {
    const server = await start();
    server.addUser({ email: 'known@example.com', password: PASSWORD });
    server.addUser({ email: 'seeded@example.com', password: null });
    // Count the work itself (each scrypt run and its cost), not the time it takes: timings flake
    // on a busy machine. Before, an unknown email answered without hashing at all.
    const crypto = createRequire(import.meta.url)('node:crypto') as typeof NodeCrypto;
    const original = crypto.scrypt;
    const runs: string[] = [];
    crypto.scrypt = ((...args: Parameters<typeof original>) => {
      const [, , keyLength, options] = args;
      runs.push(JSON.stringify({ keyLength, options }));
      return (original as (...a: unknown[]) => void)(...args);
    }) as typeof original;
    syncBuiltinESMExports();
    const workFor = async (email: string) => {
      runs.length = 0;
      const response = await send(server, 'POST', '/api/session/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong password' }),
      });
      expect(response.status).toBe(401);
      expect(response.json().detail).toBe('Invalid email or password.');
      return [...runs];
    };
    try {
      const known = await workFor('known@example.com');
      expect(known).toHaveLength(1);
      expect(await workFor('nobody@example.com')).toEqual(known);
      expect(await workFor('seeded@example.com')).toEqual(known);
    } finally {
      crypto.scrypt = original;
      syncBuiltinESMExports();
    }
  });

  it('keeps answering other requests while 30 sign-ins hash', async () => {
    const server = await start();
    server.addUser({ email: 'known@example.com', password: PASSWORD });
    const finished: string[] = [];
    const signIns = Array.from({ length: 30 }, (_, index) =>
      send(server, 'POST', '/api/session/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'known@example.com', password: `wrong ${index}` }),
      }).then(() => finished.push('sign-in')),
    );
    // Once the first answer is back, the others are hashing (or, on the event loop, queued).
    await Promise.race(signIns);
    const started = performance.now();
    // On its own connection, so no client-side queue can hold it behind the sign-ins.
    const { status, ms } = await new Promise<{ status: number; ms: number }>((resolve, reject) => {
      httpGet(`${server.baseUrl}/api/health`, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => {
          finished.push('health');
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        });
      }).on('error', reject);
    });
    await Promise.all(signIns);
    expect(status).toBe(200);
    // With the hash on the event loop, health waited for every sign-in (2.1 s for 30; 1.2 s here).
    expect(finished.indexOf('health')).toBeLessThan(25);
    expect(ms).toBeLessThan(1000);
  });

  it('limits failed attempts per account with 429 and Retry-After, whatever the address', async () => {
    const server = await start({
      signInLimits: { perAccount: { attempts: 3, windowMs: 60_000 }, perAddress: NO_LIMITS.perAddress },
    });
    server.addUser({ email: 'ada@example.com', password: PASSWORD });
    const login = (email: string, password: string) =>
      send(server, 'POST', '/api/session/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let index = 0; index < 3; index += 1) expect((await login('ada@example.com', 'wrong')).status).toBe(401);
    const limited = await login('ADA@example.com', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.json()).toEqual({
      ...ENVELOPE,
      status_code: 429,
      detail: 'Request was throttled. Expected available in 60 seconds.',
    });
    // Even the right password gets no session while the account waits.
    expect(limited.headers.get('set-cookie')).toBeNull();
    // An email without an account is limited the same way, so the limit tells nothing.
    for (let index = 0; index < 3; index += 1) expect((await login('ghost@example.com', 'x')).status).toBe(401);
    expect((await login('ghost@example.com', 'x')).status).toBe(429);
    // Another account from the same address is not affected.
    server.addUser({ email: 'bob@example.com', password: PASSWORD });
    expect((await login('bob@example.com', PASSWORD)).status).toBe(200);

    vi.setSystemTime(Date.now() + 45_000);
    expect((await login('ada@example.com', PASSWORD)).headers.get('retry-after')).toBe('15');
    vi.setSystemTime(Date.now() + 16_000);
    expect((await login('ada@example.com', PASSWORD)).status).toBe(200);
  });

  it('limits attempts per client address across accounts', async () => {
    const server = await start({
      signInLimits: { perAddress: { attempts: 4, windowMs: 120_000 }, perAccount: NO_LIMITS.perAccount },
    });
    server.addUser({ email: 'ada@example.com', password: PASSWORD });
    const login = (email: string, password = 'wrong') =>
      send(server, 'POST', '/api/session/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    for (let index = 0; index < 4; index += 1) expect((await login(`user-${index}@example.com`)).status).toBe(401);
    const limited = await login('ada@example.com', PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(100);
  });
});

/** Every byte of a data directory's database files (main file, WAL, journal). */
function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(
    readdirSync(dataDir)
      .filter((name) => name.startsWith('label-studio.sqlite3'))
      .map((name) => readFileSync(join(dataDir, name))),
  );
}

describe('secrets at rest', () => {
  it('keeps no legacy token, session id or signing key in the database, and keeps the files private', async () => {
    const server = await start();
    const user = server.addUser({ email: 'ada@example.com', password: PASSWORD, token: 'ada-chosen-token-1' });
    const cookie = await signIn(server, 'ada@example.com');
    const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
    await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
      headers: { ...headers, authorization: `Token ${user.token}` },
      body: payload,
    });
    const renewed = await send(server, 'POST', '/api/current-user/reset-token/', {
      headers: { authorization: `Token ${user.token}` },
    });
    const token = renewed.json().token as string;
    // The owner still sees the token, as Label Studio shows it.
    expect(await send(server, 'GET', '/api/current-user/token', { headers: { cookie } }).then((r) => r.json())).toEqual(
      {
        token,
      },
    );

    const secrets = JSON.parse(readFileSync(join(server.dataDir, 'secret-keys.json'), 'utf8'));
    const bytes = databaseBytes(server.dataDir);
    for (const secret of [token, user.token, cookie.split('=')[1]!, secrets.jwt_signing_key, secrets.token_key]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    const mode = (path: string) => statSync(join(server.dataDir, path)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('avatars')).toBe(0o700);
    expect(mode('secret-keys.json')).toBe(0o600);
    for (const name of readdirSync(server.dataDir).filter((file) => file.startsWith('label-studio.sqlite3'))) {
      expect(mode(name)).toBe(0o600);
    }
    for (const name of avatarFiles(server)) expect(mode(join('avatars', name))).toBe(0o600);
  });

  it('upgrades a database that kept them in plain text, keeping them valid', async () => {
    const dataDir = makeDataDir();
    const user = addUser(dataDir, { email: 'ada@example.com', password: PASSWORD, token: 'old-plain-token' });
    const db = new Database(join(dataDir, 'label-studio.sqlite3'));
    const createdAt = new Date().toISOString();
    // Rewrite it as version 1 wrote it: plain-text token and session id, the signing key inside,
    // legacy tokens on (version 1's default for every organization).
    db.exec(`
      UPDATE jwt_settings SET legacy_api_tokens_enabled = 1;
      DROP TABLE legacy_tokens; DROP TABLE sessions;
      CREATE TABLE legacy_tokens (user_id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
      CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, created_at TEXT NOT NULL);
      PRAGMA user_version = 0;`);
    db.prepare('INSERT INTO legacy_tokens VALUES (?, ?, ?)').run(user.id, 'old-plain-token', createdAt);
    db.prepare('INSERT INTO sessions VALUES (?, ?, ?)').run('old-plain-session', user.id, createdAt);
    db.prepare("INSERT INTO settings (key, value) VALUES ('jwt_secret', 'old-signing-key')").run();
    db.close();
    rmSync(join(dataDir, 'secret-keys.json'));

    const server = await startServer(dataDir);
    try {
      const byToken = await server.inject({
        method: 'GET',
        url: '/api/current-user/whoami',
        headers: { authorization: 'Token old-plain-token' },
      });
      expect(byToken.statusCode).toBe(200);
      const bySession = await server.inject({
        method: 'GET',
        url: '/api/current-user/token',
        headers: { cookie: 'sessionid=old-plain-session' },
      });
      expect(bySession.json()).toEqual({ token: 'old-plain-token' });
      const keys = JSON.parse(readFileSync(join(dataDir, 'secret-keys.json'), 'utf8'));
      expect(keys.jwt_signing_key).toBe('old-signing-key');
    } finally {
      await server.close({ keepData: true });
    }
    const bytes = databaseBytes(dataDir);
    for (const secret of ['old-plain-token', 'old-plain-session', 'old-signing-key']) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    removeDataDir(dataDir);
  });
});

/** The names every plain object inherits, e.g. `constructor`, `__proto__`, `toString`. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

describe('bad input is a 4xx in the envelope, and nothing is stored', () => {
  let server: LoopbackServer;
  let user: { id: number; token: string; organizationId: number };
  let auth: Record<string, string>;
  beforeAll(async () => {
    server = await start();
    user = server.addUser({ email: 'ada@example.com', password: PASSWORD });
    auth = { authorization: `Token ${user.token}` };
  });
  const me = () => send(server, 'GET', '/api/current-user/whoami', { headers: auth }).then((r) => r.json());
  const patchMe = (body: unknown) =>
    send(server, 'PATCH', `/api/users/${user.id}/`, {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  function expect4xx(response: Sent, status: number, detail?: string) {
    expect(response.status, response.text).toBe(status);
    expect(response.json()).toMatchObject({ ...ENVELOPE, status_code: status, ...(detail ? { detail } : {}) });
  }

  it('refuses query parameters naming inherited properties, and ignores such parameter names', async () => {
    const members = `/api/organizations/${user.organizationId}/memberships`;
    for (const name of INHERITED) {
      const value = encodeURIComponent(name);
      expect4xx(await send(server, 'GET', `/api/token/?ordering=${value}`, { headers: auth }), 400, 'Validation error');
      // An unreadable page size is the default one, as in Django REST framework.
      expect((await send(server, 'GET', `${members}?page_size=${value}`, { headers: auth })).status).toBe(200);
      expect4xx(await send(server, 'GET', `${members}?page=${value}`, { headers: auth }), 404, 'Invalid page.');
      // As a parameter name it is just an unknown parameter.
      expect((await send(server, 'GET', `${members}?${value}=1`, { headers: auth })).status).toBe(200);
      expect((await send(server, 'GET', `/api/token/?${value}=1`, { headers: auth })).status).toBe(200);
    }
    expect(
      (await send(server, 'GET', '/api/token/?ordering=constructor', { headers: auth })).json().validation_errors,
    ).toEqual({ ordering: ['Select a valid choice. constructor is not one of the available choices.'] });
  });

  it('answers page sizes that are not whole numbers in range with a page, not an error', async () => {
    const members = `/api/organizations/${user.organizationId}/memberships`;
    for (const size of ['1e308', '1e3', '2.5', '0', '-2', '99999999', '9'.repeat(400), 'Infinity', '0x10']) {
      const response = await send(server, 'GET', `${members}?page_size=${size}`, { headers: auth });
      expect(response.status, size).toBe(200);
      expect(response.json().count).toBe(1);
    }
    expect((await send(server, 'GET', `${members}?page_size=-1`, { headers: auth })).status).toBe(200);
  });

  it('refuses JSON nested 5000 deep in a hotkey entry', async () => {
    const before = await send(server, 'GET', '/api/current-user/hotkeys/', { headers: auth }).then((r) => r.json());
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await send(server, 'PATCH', '/api/current-user/hotkeys/', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: `{"custom_hotkeys":{"annotation:submit":{"key":"ctrl+s","description":${deep}}}}`,
    });
    expect4xx(response, 400, 'JSON parse error - nested deeper than 32 levels');
    expect(await send(server, 'GET', '/api/current-user/hotkeys/', { headers: auth }).then((r) => r.json())).toEqual(
      before,
    );
  });

  it('refuses a cut multipart body and one without a boundary, writing no file', async () => {
    const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
    const cut = await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
      headers: { ...headers, ...auth },
      body: payload.subarray(0, payload.length - 60),
    });
    expect4xx(cut, 400);
    expect(cut.json().detail).toMatch(/^Multipart form parse error - /);
    const noBoundary = await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
      headers: { 'content-type': 'multipart/form-data', ...auth },
      body: payload,
    });
    expect4xx(noBoundary, 400);
    expect(noBoundary.json().detail).toMatch(/^Multipart form parse error - /);
    expect((await me()).avatar).toBeNull();
    expect(avatarFiles(server)).toEqual([]);
  });

  it('refuses NUL and lone surrogates like Django REST framework, and nothing else but the length', async () => {
    const before = await me();
    const nul = await patchMe({ first_name: 'Ada\u0000', last_name: 'Lovelace' });
    expect4xx(nul, 400, 'Validation error');
    expect(nul.json().validation_errors).toEqual({ first_name: ['Null characters are not allowed.'] });
    // JSON can carry an unpaired surrogate; Python keeps it and DRF refuses it.
    const surrogate = await send(server, 'PATCH', `/api/users/${user.id}/`, {
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"last_name": "Love\\ud800lace"}',
    });
    expect(surrogate.json().validation_errors).toEqual({
      last_name: ['Surrogate characters are not allowed: U+D800.'],
    });
    const both = await patchMe({ phone: `${'5'.repeat(256)}\u0000` });
    expect(both.json().validation_errors).toEqual({
      phone: ['Ensure this field has no more than 256 characters.', 'Null characters are not allowed.'],
    });
    expect(await me()).toEqual(before);
  });

  it('stores control characters and bidirectional marks as Label Studio does, trimmed as Python trims', async () => {
    const stored = await patchMe({
      first_name: '\u001f\u0085 Ada\u0007 \u00a0',
      last_name: 'evil\u202Egnp.exe',
      phone: '\ufeff555-0100 ext. 7',
    });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json()).toMatchObject({
      first_name: 'Ada\u0007',
      last_name: 'evil\u202Egnp.exe',
      phone: '\ufeff555-0100 ext. 7',
    });
    expect(await me()).toMatchObject({ first_name: 'Ada\u0007', last_name: 'evil\u202Egnp.exe' });
  });

  it('checks hotkey payloads for NUL too', async () => {
    const hotkeys = await send(server, 'PATCH', '/api/current-user/hotkeys/', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ custom_hotkeys: { 'annotation:sub\u0000mit': { key: 'ctrl+s' } } }),
    });
    expect(hotkeys.status).toBe(400);
    expect(hotkeys.json()).toEqual({
      error: 'Invalid hotkeys configuration',
      details: { custom_hotkeys: ['Null characters are not allowed.'] },
    });
  });

  it('counts lengths in code points, as Python does', async () => {
    const emoji = '😀';
    const ok = await patchMe({ first_name: emoji.repeat(256) });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json().first_name).toBe(emoji.repeat(256));
    const tooLong = await patchMe({ first_name: emoji.repeat(257) });
    expect(tooLong.json().validation_errors).toEqual({
      first_name: ['Ensure this field has no more than 256 characters.'],
    });
    expect((await me()).first_name).toBe(emoji.repeat(256));
    const id = `annotation:${emoji.repeat(89)}`;
    expect([...id]).toHaveLength(100);
    const hotkeys = await send(server, 'PATCH', '/api/current-user/hotkeys/', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ custom_hotkeys: { [id]: { key: 'ctrl+s' } } }),
    });
    expect(hotkeys.status, hotkeys.text).toBe(200);
  });
});

/** Collects a server's log lines. */
function logCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('operations', () => {
  it('logs requests at the chosen level with credentials redacted', async () => {
    const log = logCollector();
    const server = await start({ logLevel: 'info', logStream: log.stream });
    const user = server.addUser({ email: 'ada@example.com', password: PASSWORD, token: 'secret-legacy-token' });
    const cookie = await signIn(server, 'ada@example.com');
    await send(server, 'GET', '/api/current-user/whoami', { headers: { authorization: `Token ${user.token}` } });
    await send(server, 'GET', '/api/current-user/whoami', { headers: { cookie } });
    await send(server, 'GET', '/api/token/?token=query-secret', { headers: { cookie } });
    const text = log.lines.join('\n');
    expect(log.records().some((record) => record.msg === 'incoming request')).toBe(true);
    for (const secret of ['secret-legacy-token', cookie.split('=')[1]!, PASSWORD, 'query-secret']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[Redacted]');
  });

  it('removes a half-written avatar when the write fails, and logs the error', async () => {
    const log = logCollector();
    const server = await start({ logLevel: 'warn', logStream: log.stream });
    const user = server.addUser({ email: 'ada@example.com', password: PASSWORD });
    const rename = fsPromises.rename;
    fsPromises.rename = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    syncBuiltinESMExports();
    try {
      const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
      const response = await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
        headers: { ...headers, authorization: `Token ${user.token}` },
        body: payload,
      });
      expect(response.status).toBe(500);
      expect(response.json()).toEqual({ ...ENVELOPE, status_code: 500, detail: 'A server error occurred.' });
    } finally {
      fsPromises.rename = rename;
      syncBuiltinESMExports();
    }
    expect(avatarFiles(server)).toEqual([]);
    const whoami = await send(server, 'GET', '/api/current-user/whoami', {
      headers: { authorization: `Token ${user.token}` },
    });
    expect(whoami.json().avatar).toBeNull();
    expect(log.records().some((record) => record.level === 50 && String(record.msg).includes('ENOSPC'))).toBe(true);
  });

  it('removes avatar files a crash left half written when it starts', async () => {
    const dataDir = makeDataDir();
    addUser(dataDir, { email: 'ada@example.com', password: PASSWORD });
    const leftover = join(dataDir, 'avatars', '0b3c1d2e-0000-4000-8000-000000000000.png.partial');
    writeFileSync(leftover, 'half a file');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(leftover, hourAgo, hourAgo);
    // One being written right now (by another process) stays.
    const inFlight = join(dataDir, 'avatars', '0b3c1d2e-0000-4000-8000-000000000001.png.partial');
    writeFileSync(inFlight, 'being written');
    const server = await startServer(dataDir);
    try {
      expect(readdirSync(join(dataDir, 'avatars'))).toEqual([inFlight.split('/').pop()]);
    } finally {
      await server.close();
    }
  });

  it('serves avatars with nosniff and the type their bytes show', async () => {
    const server = await start();
    const user = server.addUser({ email: 'ada@example.com', password: PASSWORD });
    const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
    await send(server, 'POST', `/api/users/${user.id}/avatar/`, {
      headers: { ...headers, authorization: `Token ${user.token}` },
      body: payload,
    });
    const path = (
      await send(server, 'GET', '/api/current-user/whoami', { headers: { authorization: `Token ${user.token}` } })
    ).json().avatar as string;
    // A path, never an address built from the Host header.
    expect(path).toMatch(/^\/data\/avatars\/[0-9a-f-]{36}\.png$/);
    const served = await send(server, 'GET', path);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    // Whatever the name says, the bytes decide; bytes that are no image are not served.
    const file = join(server.dataDir, 'avatars', path.split('/').pop()!);
    writeFileSync(file, fixtureImage('gif89a-29x17.gif'));
    expect((await send(server, 'GET', path)).headers.get('content-type')).toBe('image/gif');
    writeFileSync(file, '<html><script>alert(1)</script></html>');
    expect((await send(server, 'GET', path)).status).toBe(404);
  });

  it('builds no address from the Host header', async () => {
    const server = await start();
    const user = server.addUser({ email: 'ada@example.com', password: PASSWORD });
    for (let index = 0; index < 25; index += 1)
      server.addUser({ email: `member-${index}@example.com`, password: null });
    const body = await new Promise<string>((resolve, reject) => {
      const call = httpRequest(
        `${server.baseUrl}/api/organizations/${user.organizationId}/memberships?page_size=10`,
        { headers: { host: 'evil.example.test', authorization: `Token ${user.token}` } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        },
      );
      call.on('error', reject);
      call.end();
    });
    expect(JSON.parse(body).next).toBe(`/api/organizations/${user.organizationId}/memberships?page_size=10&page=2`);
    expect(body).not.toContain('evil.example.test');
  });

  it('keeps the default data directory out of the repository', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/home/ada/.local/share' })).toBe(
      process.platform === 'linux' ? '/home/ada/.local/share/react-account-settings/label-studio' : expect.any(String),
    );
    expect(defaultDataDir({ LABEL_STUDIO_BASE_DATA_DIR: '/srv/ls' })).toBe('/srv/ls');
    expect(defaultDataDir({}).startsWith(REPO_ROOT)).toBe(false);
  });
});

describe('command line', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDataDir));
  // Root may write anywhere; the commands then run as "nobody" to meet real permissions.
  const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  beforeAll(() => {
    if (process.getuid?.() !== 0) return;
    // "nobody" must reach the server's code: a clone under a private folder (say root's home,
    // 0700) gets the search bit on its ancestors, nothing more (no listing, no writing).
    for (let dir = dirname(REPO_ROOT); dir !== dirname(dir); dir = dirname(dir)) {
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    }
  });

  function dataDirWithUser(): string {
    const dir = makeDataDir();
    dirs.push(dir);
    addUser(dir, { email: 'ada@example.com', password: PASSWORD, token: 'ada-token-123' });
    return dir;
  }

  /** Makes a data directory readable, but not writable, by everyone. */
  function makeReadOnly(dir: string) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    }
    chmodSync(dir, 0o555);
  }

  it('says in one line that a busy port is busy', async () => {
    const dir = makeDataDir();
    dirs.push(dir);
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(['start', '--port', String(port), '--data-dir', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Port ${port} on 127.0.0.1 is already in use. Stop what uses it, or choose another with --port.\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it('says in one line that the data directory is not writable, and `user` still reads it', async () => {
    const dir = dataDirWithUser();
    makeReadOnly(dir);
    const before = readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]);
    const startResult = await runCli(['start', '--port', '0', '--data-dir', dir], unprivileged);
    expect(startResult.code).toBe(1);
    expect(startResult.stderr).toMatch(
      /^Can't write to the data directory \S+ \(\w+\)\. Give this user write access to it, or choose another with --data-dir\.\n$/,
    );
    const info = await runCli(['user', '--username', 'ada@example.com', '--data-dir', dir], unprivileged);
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout.split('=> User info:\n')[1]!)).toMatchObject({
      email: 'ada@example.com',
      token: 'ada-token-123',
      status: 'ok',
    });
    expect(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs])).toEqual(before);
  });

  it('refuses an unknown log level', async () => {
    const result = await runCli(['start', '--log-level', 'loud', '--data-dir', makeDataDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"loud" is not a log level');
  });
});
