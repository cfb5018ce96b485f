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
  it('answers the paginated shape, 20 per page, ordered by email', async () => {
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
    expect([...emails].sort()).toEqual(emails);

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
    for (const page of ['3', '0', 'abc', '-1']) {
      expectEnvelope(await list(`?page=${page}`), 404, 'Invalid page.');
    }
  });

  it('searches email, first and last name, ignoring case', async () => {
    const byFirstName = (await list('?search=grace')).json();
    expect(byFirstName.count).toBe(1);
    expect(byFirstName.results[0].user.email).toBe('member-07@example.com');
    expect((await list('?search=LOVELACE')).json().results[0].user.email).toBe('ada@example.com');
    expect((await list('?search=member-2')).json().count).toBe(5);
    expect((await list('?search=%25')).json().count).toBe(0);
    expect((await list('?search=nobody')).json()).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it("answers 404 for an organization the user doesn't belong to", async () => {
    expectEnvelope(await list('', carol, org), 404, 'Not found.');
    expectEnvelope(await list('', ada, otherOrg), 404, 'Not found.');
    expect((await list('', carol, otherOrg)).json().count).toBe(1);
  });

  it('accepts a trailing slash', async () => {
    expect((await ada.request('GET', `/api/organizations/${org}/memberships/`)).statusCode).toBe(200);
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
    expect((await ada.request('GET', '/api/invite/')).json()).toEqual(after);
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
