// Test harness for the reference server (server/): a fresh data directory per server, users
// added straight to its database, and requests made with Fastify's inject (no sockets).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { setLegacyTokensEnabled } from '../../server/accounts.ts';
import { createServer, type ServerOptions } from '../../server/app.ts';
import { closeDatabase, openDatabase } from '../../server/db.ts';
import { addUser, type AddedUser, type NewUser } from '../../server/seed.ts';

export type Response = LightMyRequestResponse;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Where the repository's root is, for spawning the CLI. */
export const REPO_ROOT = new URL('../../', import.meta.url).pathname;
/** Node's arguments that run the CLI, as `npm run server` does: TypeScript through the tsx loader. */
export const CLI = ['--import', 'tsx', join(REPO_ROOT, 'server', 'cli.ts')];

/** Turns legacy tokens on for an organization, as `start --enable-legacy-api-token` does. */
export function enableLegacyTokens(dataDir: string, organizationId: number): void {
  const db = openDatabase(dataDir);
  try {
    setLegacyTokensEnabled(db, organizationId, true);
  } finally {
    closeDatabase(db);
  }
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ras-ls-server-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

export function fixtureImage(file: string): Buffer {
  return readFileSync(new URL(`../fixtures/images/${file}`, import.meta.url));
}

/** A multipart/form-data body with one file. */
export function multipart(field: string, filename: string, contentType: string, bytes: Buffer) {
  const boundary = '----ras-test-boundary-7MA4YWxkTrZu0gW';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface Client {
  user: AddedUser;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface TestServer {
  app: FastifyInstance;
  dataDir: string;
  /**
   * Adds a user (default password "secret-password"); joins the first organization unless told
   * otherwise. Turns legacy tokens on for its organization (off in a new one, as in Label Studio),
   * since `as` signs in with the legacy token; `legacyTokens: false` leaves the setting alone.
   */
  addUser(user: Partial<NewUser> & { email: string; legacyTokens?: boolean }): AddedUser;
  /** Requests authenticated with the user's legacy token. */
  as(user: AddedUser): Client;
  inject(options: InjectOptions): Promise<Response>;
  /** Closes the server; removes the data directory unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Options for a test server: those of `createServer`, but the data directory. */
export type TestServerOptions = Omit<ServerOptions, 'dataDir'>;

export async function startServer(dataDir = makeDataDir(), options: TestServerOptions = {}): Promise<TestServer> {
  const app = await createServer({ logLevel: 'silent', ...options, dataDir });
  const inject = (options: InjectOptions) => app.inject(options) as Promise<Response>;
  return {
    app,
    dataDir,
    inject,
    addUser: ({ legacyTokens = true, ...user }) => {
      const added = addUser(dataDir, { password: 'secret-password', ...user });
      if (legacyTokens) enableLegacyTokens(dataDir, added.organizationId);
      return added;
    },
    as: (user) => ({
      user,
      request: (method, url, body, headers = {}) =>
        inject({
          method,
          url,
          headers: { authorization: `Token ${user.token}`, ...headers },
          ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        }),
    }),
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) removeDataDir(dataDir);
    },
  };
}

/** A test server that also listens on a loopback port, at `baseUrl`. */
export interface LoopbackServer extends TestServer {
  /** The server's origin, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  baseUrl: string;
}

/** A test server listening on a free loopback port, for clients that speak real HTTP (the Label Studio adapter). */
export async function startLoopbackServer(options: TestServerOptions = {}): Promise<LoopbackServer> {
  const server = await startServer(undefined, options);
  const baseUrl = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  return { ...server, baseUrl };
}

/** Asserts Label Studio's error envelope with the given status and detail. */
export function expectEnvelope(
  response: Response,
  status: number,
  detail: string,
  validationErrors?: Record<string, string[] | string>,
): void {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(body).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    status_code: status,
    version: 'ras-reference',
    detail,
    exc_info: null,
    ...(validationErrors ? { validation_errors: validationErrors } : {}),
  });
}

/** Asserts a response's keys are exactly the given ones. */
export function expectKeys(value: unknown, keys: string[]): void {
  expect(Object.keys(value as object).sort()).toEqual([...keys].sort());
}

/**
 * A fetch that keeps cookies as a browser on the server's own origin would: it stores what
 * `Set-Cookie` sets (an expired or empty one removes it), sends them back, and gives every
 * request the page's `Origin`, so the session the adapter's sign-in starts works in Node.
 */
export function browserLikeFetch(origin: string): typeof fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch = async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Origin', origin);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', rest = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        return (lower === 'max-age' && Number(rest) <= 0) || (lower === 'expires' && Date.parse(rest) <= Date.now());
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return Object.assign(jarFetch, { cookies });
}
