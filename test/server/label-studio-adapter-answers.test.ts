// @vitest-environment node
// The Label Studio adapter reading Label Studio's real answers, against the reference server on
// loopback: paths resolved against the server, the avatar part named after its bytes, token facts
// from the JWT payload, member search through the endpoint that searches, and the token settings.
// `stricter` rewrites the server's answers into Label Studio's barest form (relative addresses,
// token bodies with `token` only, memberships that ignore `search`), so each case holds for both.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { makePng } from '../../src/testing/image-fixtures';
import { startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
/** A host page's server on another port: it serves one page and knows nothing of Label Studio. */
let hostPage: Server;
let hostOrigin: string;
let accounts = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
  hostPage = createHttpServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Host</title>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => hostPage.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(hostPage.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => hostPage.close(resolve));
  await server.close();
});

function toPath(value: unknown): unknown {
  return typeof value === 'string' && /^https?:/.test(value) ? new URL(value).pathname + new URL(value).search : value;
}

/** Rewrites one JSON answer the way Label Studio gives it. */
function barest(path: string, body: unknown): unknown {
  if (Array.isArray(body)) return body.map((item) => barest(path, item));
  if (!body || typeof body !== 'object') return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (path.startsWith('/api/token')) {
    delete copy.created_at;
    delete copy.expires_at;
  }
  for (const key of ['avatar', 'invite_url', 'next', 'previous']) if (key in copy) copy[key] = toPath(copy[key]);
  for (const key of ['user', 'results']) if (key in copy) copy[key] = barest(path, copy[key]);
  return copy;
}

/** A fetch that sends what the adapter sends (memberships without `search`) and answers as Label Studio would. */
function stricter(sent: Array<{ url: URL; body: unknown }> = []): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    if (/^\/api\/organizations\/\d+\/memberships$/.test(url.pathname)) url.searchParams.delete('search');
    sent.push({ url, body: init.body });
    const response = await fetch(url, init);
    if (!response.headers.get('content-type')?.includes('json') || response.status === 204) return response;
    const body = barest(url.pathname, await response.json());
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

function freshOrganization() {
  const n = ++accounts;
  const owner = server.addUser({ email: `owner-${n}@example.com`, organizationTitle: `Answers ${n}` });
  for (const name of ['ada', 'grace', 'alan']) {
    server.addUser({ email: `${name}-${n}@example.com`, password: null, organizationId: owner.organizationId });
  }
  return owner;
}

const variants = [
  ['as the reference server answers', () => undefined],
  ['as Label Studio answers', () => stricter()],
] as const;

describe.each(variants)('the Label Studio adapter, %s', (_name, makeFetch) => {
  const adapterFor = (token: string) => {
    const fetchImpl = makeFetch();
    return createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'token', token },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  };

  it('gives a host page on another origin a photo address that serves the photo', async () => {
    const adapter = adapterFor(freshOrganization().token);
    const user = await adapter.uploadAvatar!(new Blob([makePng(40, 40)], { type: 'image/png' }));
    expect(user.avatarUrl).toMatch(new RegExp(`^${server.baseUrl}/`));
    // The page's <img src> resolves against the page: it must still reach Label Studio.
    const photo = await fetch(new URL(user.avatarUrl!, `${hostOrigin}/`));
    expect(photo.status).toBe(200);
    expect(new Uint8Array(await photo.arrayBuffer()).slice(1, 4)).toEqual(new TextEncoder().encode('PNG'));
  });

  it('gives a host page on another origin an invite link to Label Studio’s sign-up', async () => {
    const adapter = adapterFor(freshOrganization().token);
    for (const invitation of [await adapter.getInviteLink!(), await adapter.resetInviteLink!()]) {
      const copied = new URL(invitation.url, `${hostOrigin}/`);
      expect(copied.origin).toBe(server.baseUrl);
      expect(copied.pathname).toBe('/user/signup/');
      expect(copied.searchParams.get('token')).toMatch(/.+/);
    }
  });

  it('reads created, expiry and a distinguishing prefix from the listed tokens', async () => {
    const adapter = adapterFor(freshOrganization().token);
    const before = Date.now() - 2000;
    const first = await adapter.createPersonalToken!({});
    const [listedFirst] = await adapter.listPersonalTokens!();
    await adapter.revokePersonalToken!(listedFirst!.id);
    const second = await adapter.createPersonalToken!({});
    const [listedSecond] = await adapter.listPersonalTokens!();

    for (const [created, listed] of [
      [first, listedFirst!],
      [second, listedSecond!],
    ] as const) {
      expect(listed.id).toBe(created.info.id);
      expect(Date.parse(listed.createdAt!)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(listed.createdAt!)).toBeLessThanOrEqual(Date.now() + 1000);
      // Label Studio's default lifetime is 73000 days.
      expect(Date.parse(listed.expiresAt!) - Date.parse(listed.createdAt!)).toBe(73000 * 24 * 60 * 60 * 1000);
      expect(created.token).toContain(listed.prefix.replaceAll('…', ''));
    }
    expect(listedSecond!.prefix).not.toBe(listedFirst!.prefix);
  });

  it('finds members by name or email, page by page', async () => {
    const owner = freshOrganization();
    const adapter = adapterFor(owner.token);
    const all = await adapter.listMembers!({ page: 1, pageSize: 20 });
    expect(all.total).toBe(4);

    const found = await adapter.listMembers!({ page: 1, pageSize: 20, search: 'GRACE' });
    expect(found.items.map((member) => member.email)).toEqual([`grace-${accounts}@example.com`]);
    expect(found.total).toBe(1);

    const paged = await adapter.listMembers!({ page: 2, pageSize: 1, search: 'a' });
    expect(paged.total).toBe(4);
    expect(paged.items).toHaveLength(1);
    const past = await adapter.listMembers!({ page: 9, pageSize: 1, search: 'ada' });
    expect(past).toEqual({ items: [], total: 1 });

    const none = await adapter.listMembers!({ page: 1, pageSize: 20, search: 'nobody-here' });
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('shows the membership role and the newsletter label as Label Studio does', async () => {
    const adapter = adapterFor(freshOrganization().token);
    expect((await adapter.getMembership!()).role).toBe('owner');
    expect((await adapter.getEmailPreferences!()).map((preference) => preference.label)).toEqual([
      'Subscribe to HumanSignal news and tips from Heidi',
    ]);
  });
});

describe('the avatar part', () => {
  /** The avatar part of each upload the adapter sends. */
  async function upload(file: Blob) {
    const sent: Array<{ url: URL; body: unknown }> = [];
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'token', token: freshOrganization().token },
      fetch: stricter(sent),
    });
    const user = await adapter.uploadAvatar!(file);
    const form = sent.find((request) => request.body instanceof FormData)!.body as FormData;
    return { user, part: form.get('avatar') as File };
  }

  it('names a PNG without an extension avatar.png and sends it as image/png', async () => {
    const { user, part } = await upload(new File([makePng(32, 32)], 'photo'));
    expect(user.avatarUrl).toMatch(/\.png$/);
    expect([part.name, part.type]).toEqual(['avatar.png', 'image/png']);
  });

  it('names a PNG called img.jfif and typed image/jpeg avatar.png and sends it as image/png', async () => {
    const { user, part } = await upload(new File([makePng(32, 32)], 'img.jfif', { type: 'image/jpeg' }));
    expect(user.avatarUrl).toMatch(/\.png$/);
    expect([part.name, part.type]).toEqual(['avatar.png', 'image/png']);
  });
});

describe('updateTokenSettings', () => {
  it('switches legacy tokens off and on for the organization', async () => {
    const owner = freshOrganization();
    const legacy = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: owner.token } });
    const { token: refreshToken } = await legacy.createPersonalToken!({});
    const personal = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'personal', refreshToken } });

    const off = await personal.updateTokenSettings!({ legacyTokenEnabled: false });
    expect(off).toEqual({
      personalTokensEnabled: true,
      legacyTokenEnabled: false,
      maxActivePersonalTokens: 1,
      // The organization's default lifetime is Label Studio's 73000 days: never, in words.
      canChooseExpiry: false,
      personalTokenLifetimeDays: null,
      // The reference server answers Enterprise's api_token_ttl_days, so the lifetime can be changed.
      canChangeLifetime: true,
    });
    expect(await personal.getTokenSettings!()).toEqual(off);
    const refused = await legacy.getCurrentUser().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AccountError);
    expect((refused as AccountError).code).toBe('unauthorized');

    const on = await personal.updateTokenSettings!({ legacyTokenEnabled: true });
    expect(on.legacyTokenEnabled).toBe(true);
    expect((await legacy.getCurrentUser()).email).toBe(owner.email);
  });
});

describe('member search on a Label Studio with a searching users list', () => {
  /**
   * Answers `GET /api/users/?search=&page=&page_size=` the way Label Studio 1.21+ does (DRF's
   * page, 404 past the end), from the organization's members, until the reference server has it.
   */
  function withUsersList(sent: URL[]): typeof fetch {
    const strict = stricter();
    return async (input, init = {}) => {
      const url = new URL(String(input));
      if (url.pathname !== '/api/users/') return strict(input, init);
      sent.push(url);
      const whoami = (await (await strict(`${server.baseUrl}/api/current-user/whoami`, init)).json()) as {
        active_organization: number;
      };
      const everyone = (await (
        await strict(`${server.baseUrl}/api/organizations/${whoami.active_organization}/memberships?page_size=-1`, init)
      ).json()) as { results: Array<{ user: { email: string } }> };
      const needle = (url.searchParams.get('search') ?? '').toLowerCase();
      const users = everyone.results.map(({ user }) => user).filter((user) => user.email.includes(needle));
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('page_size') ?? 30);
      if (page > Math.max(1, Math.ceil(users.length / size))) {
        return Response.json({ detail: 'Invalid page.' }, { status: 404 });
      }
      return Response.json({
        count: users.length,
        next: null,
        previous: null,
        results: users.slice((page - 1) * size, page * size),
      });
    };
  }

  it('asks the users list, page by page, and reads its count', async () => {
    const sent: URL[] = [];
    const owner = freshOrganization();
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'token', token: owner.token },
      fetch: withUsersList(sent),
    });
    const second = await adapter.listMembers!({ page: 2, pageSize: 1, search: `-${accounts}@` });
    expect(second.total).toBe(4);
    expect(second.items).toHaveLength(1);
    expect(sent[0]!.searchParams.get('search')).toBe(`-${accounts}@`);
    expect(sent[0]!.searchParams.get('page')).toBe('2');
    expect(await adapter.listMembers!({ page: 5, pageSize: 1, search: 'ada' })).toEqual({ items: [], total: 1 });
  });
});

describe("a project's hotkeys through the Label Studio adapter", () => {
  it('sends ?project=, and answers a bad id as a validation error naming it and another organization’s as not_found', async () => {
    const sent: Array<{ url: URL; body: unknown }> = [];
    const owner = freshOrganization();
    const adapter = createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'token', token: owner.token },
      fetch: stricter(sent),
    });
    const [project] = (await adapter.listProjects!({ search: 'invoices' })).items;
    expect(project?.title).toBe('Invoices');
    const override = { 'annotation:submit': { key: 'ctrl+shift+enter' } };
    expect(await adapter.saveHotkeys!(override, { projectId: project!.id })).toEqual(override);
    expect(sent.at(-1)!.url.pathname + sent.at(-1)!.url.search).toBe(
      `/api/current-user/hotkeys/?project=${project!.id}`,
    );
    expect(await adapter.getHotkeys!()).toEqual({});

    const bad = await adapter.getHotkeys!({ projectId: '05' }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(AccountError);
    expect(bad).toMatchObject({
      code: 'validation',
      status: 400,
      message: expect.stringContaining('"05"'),
      fieldErrors: { projectId: ['Project must be an integer.'] },
    });

    const outsider = freshOrganization();
    const theirs = (
      await createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: outsider.token } })
        .listProjects!()
    ).items[0]!;
    const hidden = await adapter.saveHotkeys!(override, { projectId: theirs.id }).catch((error: unknown) => error);
    expect(hidden).toMatchObject({ code: 'not_found', status: 404 });
  });
});
