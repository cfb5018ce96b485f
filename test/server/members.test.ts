// @vitest-environment node
// Reference server: removing a member (DELETE /api/organizations/<id>/memberships/<user_pk>/),
// Label Studio's soft delete, and what the removed member can do afterwards.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { expectEnvelope, startServer, type Client, type TestServer } from './harness';

const FORBIDDEN = 'You do not have permission to perform this action.';

let server: TestServer;
let owner: Client;
let grace: Client;
let linus: Client;
let carol: Client;
let org: number;

beforeEach(async () => {
  server = await startServer();
  owner = server.as(server.addUser({ email: 'owner@example.com', organizationTitle: 'Team' }));
  org = owner.user.organizationId;
  grace = server.as(
    server.addUser({ email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', organizationId: org }),
  );
  linus = server.as(server.addUser({ email: 'linus@example.com', organizationId: org }));
  carol = server.as(server.addUser({ email: 'carol@example.com', organizationTitle: 'Elsewhere' }));
});
afterEach(() => server.close());

const remove = (client: Client, userId: number, organizationId = org) =>
  client.request('DELETE', `/api/organizations/${organizationId}/memberships/${userId}/`);

const memberships = async (client = owner) =>
  (await client.request('GET', `/api/organizations/${org}/memberships?page_size=-1`)).json();

/** A session cookie for a user, from the JSON sign-in. */
async function signIn(email: string): Promise<string> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/session/login',
    payload: { email, password: 'secret-password' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return `sessionid=${response.cookies.find((cookie) => cookie.name === 'sessionid')!.value}`;
}

describe('DELETE /api/organizations/:id/memberships/:user_pk/', () => {
  it('soft-deletes the member: 204, still listed but anonymized, no longer found anywhere else', async () => {
    const response = await remove(owner, grace.user.id);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    const list = await memberships();
    expect(list.count).toBe(3);
    const removed = list.results.find((result: { user: { id: number } }) => result.user.id === grace.user.id);
    // As Label Studio's BaseUserSerializer shows a deleted member.
    expect(removed.user).toMatchObject({
      id: grace.user.id,
      username: 'Deleted',
      first_name: 'Deleted',
      last_name: 'User',
      email: 'Deleted',
      initials: 'DU',
    });
    expect(JSON.stringify(list)).not.toContain('grace@example.com');
    expectEnvelope(
      await owner.request('GET', `/api/organizations/${org}/memberships/${grace.user.id}/`),
      404,
      'Not found.',
    );
    expectEnvelope(await owner.request('GET', `/api/users/${grace.user.id}/`), 404, 'Not found.');
    const found = (await owner.request('GET', '/api/users/?search=grace')).json();
    expect(found.count).toBe(0);
    const everyone = (await owner.request('GET', '/api/users/')).json();
    expect(everyone.map((user: { email: string }) => user.email).sort()).toEqual([
      'linus@example.com',
      'owner@example.com',
    ]);
  });

  it('answers 405 with a bare detail for yourself, and removes nothing', async () => {
    const response = await remove(owner, owner.user.id);
    expect(response.statusCode).toBe(405);
    expect(response.json()).toEqual({ detail: 'User cannot soft delete self' });
    expect((await owner.request('GET', '/api/current-user/whoami')).statusCode).toBe(200);
  });

  it('answers 403 for an organization other than the active one', async () => {
    expectEnvelope(
      await remove(owner, carol.user.id, carol.user.organizationId),
      403,
      'You can delete members only for your current active organization',
    );
    expect((await carol.request('GET', '/api/current-user/whoami')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user, a non-member and a member removed already', async () => {
    expectEnvelope(await remove(owner, 999_999), 404, 'Not found.');
    expectEnvelope(await remove(owner, carol.user.id), 404, 'Not found.');
    expectEnvelope(await owner.request('DELETE', `/api/organizations/${org}/memberships/abc/`), 404, 'Not found.');
    expectEnvelope(
      await owner.request('DELETE', `/api/organizations/999999/memberships/${grace.user.id}/`),
      404,
      'Not found.',
    );
    expect((await remove(owner, grace.user.id)).statusCode).toBe(204);
    expectEnvelope(await remove(owner, grace.user.id), 404, 'Member not found');
  });

  it('lets any member remove another, as organizations.change lets every Community member', async () => {
    expect((await remove(linus, grace.user.id)).statusCode).toBe(204);
    // Even the organization's owner.
    expect((await remove(linus, owner.user.id)).statusCode).toBe(204);
  });

  it("refuses the removed member's next request with their token or session, and their sign-in", async () => {
    const cookie = await signIn('grace@example.com');
    const bySession = () => server.inject({ method: 'GET', url: '/api/current-user/whoami', headers: { cookie } });
    expect((await bySession()).statusCode).toBe(200);
    expect((await remove(owner, grace.user.id)).statusCode).toBe(204);

    expectEnvelope(await grace.request('GET', '/api/current-user/whoami'), 403, FORBIDDEN);
    expectEnvelope(await grace.request('GET', `/api/organizations/${org}/memberships`), 403, FORBIDDEN);
    expectEnvelope(
      await grace.request('PATCH', `/api/users/${grace.user.id}/`, { first_name: 'Back' }),
      403,
      FORBIDDEN,
    );
    expectEnvelope(await bySession(), 403, FORBIDDEN);
    const again = await server.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email: 'grace@example.com', password: 'secret-password' },
    });
    expectEnvelope(again, 403, FORBIDDEN);
    expect(again.cookies).toEqual([]);
    // Nothing else changed for the others.
    expect((await linus.request('GET', '/api/current-user/whoami')).statusCode).toBe(200);
  });

  it('keeps the removal across a restart', async () => {
    expect((await remove(owner, grace.user.id)).statusCode).toBe(204);
    await server.close({ keepData: true });
    server = await startServer(server.dataDir);
    expectEnvelope(await server.as(grace.user).request('GET', '/api/current-user/whoami'), 403, FORBIDDEN);
    const list = (await server.as(owner.user).request('GET', `/api/organizations/${org}/memberships`)).json();
    expect(list.results.map((result: { user: { email: string } }) => result.user.email)).toContain('Deleted');
  });
});

describe("what whoami tells the adapter about a member's rights", () => {
  it('lists organizations.change, which removing members and the token settings need, for every member', async () => {
    for (const client of [owner, linus]) {
      expect((await client.request('GET', '/api/current-user/whoami')).json().permissions).toContain(
        'organizations.change',
      );
    }
    expect((await linus.request('POST', '/api/jwt/settings', { api_tokens_enabled: true })).statusCode).toBe(200);
  });
});
