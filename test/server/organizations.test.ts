// @vitest-environment node
// Reference server: organization memberships (list and detail) and the invite link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEnvelope, expectKeys, startServer, type Client, type TestServer } from './harness';

const MEMBER_USER_KEYS = [
  'id',
  'first_name',
  'last_name',
  'username',
  'email',
  'avatar',
  'initials',
  'phone',
  'last_activity',
  'date_joined',
  'created_projects',
  'contributed_to_projects',
];

let server: TestServer;
let ada: Client;
let carol: Client;
let org: number;
let otherOrg: number;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }));
  org = ada.user.organizationId;
  // 24 more members of Ada's organization, added out of email order.
  for (let index = 24; index >= 1; index -= 1) {
    const number = String(index).padStart(2, '0');
    server.addUser({
      email: `member-${number}@example.com`,
      firstName: index === 7 ? 'Grace' : 'Member',
      lastName: number,
      password: null,
    });
  }
  carol = server.as(server.addUser({ email: 'carol@example.com', organizationTitle: 'Other Org' }));
  otherOrg = carol.user.organizationId;
});
afterAll(() => server.close());

const list = (query = '', client = ada, id = org) =>
  client.request('GET', `/api/organizations/${id}/memberships${query}`);

describe('GET /api/organizations/:id/memberships', () => {
  it('answers the paginated shape, 20 per page, ordered by username', async () => {
    const response = await list();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expectKeys(body, ['count', 'next', 'previous', 'results']);
    expect(body.count).toBe(25);
    expect(body.previous).toBeNull();
    expect(body.next).toBe(`/api/organizations/${org}/memberships?page=2`);
    expect(body.results).toHaveLength(20);
    const emails = body.results.map((result: { user: { email: string } }) => result.user.email);
    expect(emails[0]).toBe('ada@example.com');
    expect(emails[1]).toBe('member-01@example.com');
    const usernames = body.results.map((result: { user: { username: string } }) => result.user.username);
    expect([...usernames].sort()).toEqual(usernames);

    const [first] = body.results;
    expectKeys(first, ['id', 'organization', 'user', 'created_projects', 'contributed_to_projects']);
    expectKeys(first.user, MEMBER_USER_KEYS);
    expect(first).toMatchObject({
      organization: org,
      user: {
        id: ada.user.id,
        email: 'ada@example.com',
        initials: 'AL',
        created_projects: null,
        contributed_to_projects: null,
      },
    });
    // Private settings of other members are not part of the list.
    expect(first.user).not.toHaveProperty('custom_hotkeys');
  });

  it('links the next and previous pages, keeping other query parameters', async () => {
    const second = (await list('?page=2&page_size=10')).json();
    expect(second.results).toHaveLength(10);
    expect(second.results[0].user.email).toBe('member-10@example.com');
    expect(second.previous).toBe(`/api/organizations/${org}/memberships?page_size=10`);
    expect(second.next).toBe(`/api/organizations/${org}/memberships?page=3&page_size=10`);
    const third = (await list('?page=3&page_size=10')).json();
    expect(third.results).toHaveLength(5);
    expect(third.next).toBeNull();
    expect((await list('?page=last&page_size=10')).json().results).toEqual(third.results);
  });

  it('answers everything on one page with page_size=-1', async () => {
    const body = (await list('?page_size=-1')).json();
    expect(body.results).toHaveLength(25);
    expect(body.next).toBeNull();
  });

  it('answers 404 "Invalid page." for a page out of range or not a number', async () => {
    for (const page of ['3', '0', 'abc', '-1', '2.0', '1e1', '0x1', 'constructor']) {
      expectEnvelope(await list(`?page=${page}`), 404, 'Invalid page.');
    }
  });

  it('reads the page number as Python’s int() does', async () => {
    const second = (await list('?page=2')).json().results;
    for (const page of ['+2', '%202', '02', '2%20']) {
      expect((await list(`?page=${page}`)).json().results, page).toEqual(second);
    }
  });

  it('falls back to the default page size for a page_size that is not a positive whole number, as DRF does', async () => {
    for (const size of ['abc', '0', '-2', '2.5', '1e3', 'Infinity', '0x10', '', 'constructor']) {
      const response = await list(`?page_size=${size}`);
      expect(response.statusCode, size).toBe(200);
      expect(response.json().results, size).toHaveLength(20);
    }
    expect((await list('?page_size=%2B5')).json().results).toHaveLength(5);
    // Capped at the largest page size rather than refused.
    expect((await list('?page_size=99999999')).json().results).toHaveLength(25);
  });

  it('ignores search, as Community does (it has no filter on this list)', async () => {
    const searched = (await list('?search=grace')).json();
    expect(searched.count).toBe(25);
    expect(searched.results).toEqual((await list()).json().results);
  });
});

describe('GET /api/users/ (the users list, where Label Studio searches people)', () => {
  const users = (query = '', client = ada) => client.request('GET', `/api/users/${query}`);

  it('answers every user of the organization by id without list parameters', async () => {
    const body = users();
    const all = (await body).json() as Array<{ id: number; email: string }>;
    expect(all).toHaveLength(25);
    expect(all.map((user) => user.id)).toEqual([...all.map((user) => user.id)].sort((a, b) => a - b));
    expect(all.map((user) => user.email)).not.toContain('carol@example.com');
  });

  it('searches first name, last name, email and username, ignoring case, every word, 30 a page', async () => {
    const byFirstName = (await users('?search=grace')).json();
    expectKeys(byFirstName, ['count', 'next', 'previous', 'results']);
    expect(byFirstName.count).toBe(1);
    expect(byFirstName.results[0].email).toBe('member-07@example.com');
    expect((await users('?search=LOVELACE')).json().results[0].email).toBe('ada@example.com');
    expect((await users('?search=member-2')).json().count).toBe(5);
    expect((await users('?search=member%2007')).json().count).toBe(1);
    expect((await users('?search=%25')).json().count).toBe(0);
    expect((await users('?search=nobody')).json()).toEqual({ count: 0, next: null, previous: null, results: [] });
    const firstPage = (await users('?search=')).json();
    expect(firstPage.count).toBe(25);
    expect(firstPage.results).toHaveLength(25);
    const paged = (await users('?search=member&page_size=10&page=2')).json();
    expect(paged.results).toHaveLength(10);
    expect(paged.next).toBe('/api/users/?search=member&page_size=10&page=3');
    // Carol's organization is not searched.
    expect((await users('?search=carol')).json().count).toBe(0);
    expect((await users('?search=carol', carol)).json().count).toBe(1);
  });

  it('refuses page sizes over 100 as Label Studio does', async () => {
    expectEnvelope(await users('?search=&page_size=101'), 400, 'Validation error', {
      page_size: ['Ensure this value is less than or equal to 100.'],
    });
  });

  it("answers 404 for an organization the user doesn't belong to", async () => {
    expectEnvelope(await list('', carol, org), 404, 'Not found.');
    expectEnvelope(await list('', ada, otherOrg), 404, 'Not found.');
    expect((await list('', carol, otherOrg)).json().count).toBe(1);
  });
});

describe('trailing slashes, as Label Studio routes them', () => {
  // Label Studio's URL patterns (users/, organizations/, jwt_auth/urls.py and DRF's router).
  const withoutSlash = () =>
    [
      ['GET', '/api/current-user/whoami'],
      ['GET', '/api/current-user/token'],
      ['GET', '/api/jwt/settings'],
      ['GET', '/api/invite'],
      ['POST', '/api/invite/reset-token'],
      ['GET', `/api/organizations/${org}/memberships`],
    ] as const;
  const withSlash = () =>
    [
      ['GET', '/api/current-user/hotkeys/'],
      ['GET', '/api/users/'],
      ['GET', `/api/users/${ada.user.id}/`],
      ['GET', `/api/organizations/${org}/memberships/${ada.user.id}/`],
      ['GET', '/api/token/'],
    ] as const;

  it('answers 404 for an extra slash where Label Studio defines the path without one', async () => {
    for (const [method, path] of withoutSlash()) {
      expect((await ada.request(method, path)).statusCode, path).toBeLessThan(300);
      expectEnvelope(await ada.request(method, `${path}/`), 404, 'Not found.');
      expectEnvelope(await ada.request(method, `${path}/?page=1`), 404, 'Not found.');
    }
  });

  it('serves a path that lacks its slash as if it had it, without a redirect', async () => {
    for (const [method, path] of withSlash()) {
      const slashed = await ada.request(method, path);
      const bare = await ada.request(method, path.slice(0, -1));
      expect(slashed.statusCode, path).toBeLessThan(300);
      expect(bare.statusCode, path).toBe(slashed.statusCode);
      expect(bare.headers.location).toBeUndefined();
      expect(bare.json(), path).toEqual(slashed.json());
    }
    // Resetting the legacy token signs its holder out, so each reset is a new user's.
    for (const path of ['/api/current-user/reset-token/', '/api/current-user/reset-token']) {
      const resetter = server.as(server.addUser({ email: `reset-${path.length}@example.com`, password: null }));
      const reset = await resetter.request('POST', path);
      expect(reset.statusCode, path).toBe(201);
      expect(reset.json().token).not.toBe(resetter.user.token);
    }
    // The query string survives the retry, and page links name the path with its slash.
    const paged = (await ada.request('GET', '/api/users?search=member&page_size=10')).json();
    expect(paged.next).toBe('/api/users/?search=member&page_size=10&page=2');
  });

  it('does not append a slash to paths Label Studio does not have', async () => {
    expectEnvelope(await ada.request('GET', '/api/current-user'), 404, 'Not found.');
    expectEnvelope(await ada.request('GET', '/api/users//'), 404, 'Not found.');
  });
});

describe('GET /api/organizations/:id/memberships/:user_pk/', () => {
  it('answers the OrganizationMember shape', async () => {
    const response = await ada.request('GET', `/api/organizations/${org}/memberships/${ada.user.id}/`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expectKeys(body, [
      'user',
      'organization',
      'contributed_projects_count',
      'annotations_count',
      'created_at',
      'created_projects',
      'contributed_to_projects',
    ]);
    expect(body).toMatchObject({
      user: ada.user.id,
      organization: org,
      contributed_projects_count: 0,
      annotations_count: 0,
      created_projects: null,
      contributed_to_projects: null,
    });
    expect(Date.parse(body.created_at)).not.toBeNaN();
  });

  it('answers 403 for another organization and 404 for a non-member', async () => {
    const forbidden = 'You do not have permission to perform this action.';
    expectEnvelope(await carol.request('GET', `/api/organizations/${org}/memberships/${ada.user.id}/`), 403, forbidden);
    expectEnvelope(
      await ada.request('GET', `/api/organizations/${org}/memberships/${carol.user.id}/`),
      404,
      'Not found.',
    );
    expectEnvelope(await ada.request('GET', `/api/organizations/${org}/memberships/99999/`), 404, 'Not found.');
  });
});

describe('invite link', () => {
  it('answers the invite URL with the organization token', async () => {
    const response = await ada.request('GET', '/api/invite');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expectKeys(body, ['invite_url', 'token']);
    expect(body.invite_url).toBe(`/user/signup/?token=${body.token}`);
  });

  it('resets the token with 201, for the whole organization only', async () => {
    const before = (await ada.request('GET', '/api/invite')).json();
    const carolsBefore = (await carol.request('GET', '/api/invite')).json();
    const reset = await ada.request('POST', '/api/invite/reset-token');
    expect(reset.statusCode).toBe(201);
    const after = reset.json();
    expectKeys(after, ['invite_url', 'token']);
    expect(after.token).not.toBe(before.token);
    expect(after.invite_url).toBe(`/user/signup/?token=${after.token}`);
    expect((await ada.request('GET', '/api/invite')).json()).toEqual(after);
    expect((await carol.request('GET', '/api/invite')).json()).toEqual(carolsBefore);
  });

  it('needs authentication', async () => {
    expectEnvelope(
      await server.inject({ method: 'POST', url: '/api/invite/reset-token' }),
      401,
      'Authentication credentials were not provided.',
    );
  });
});
