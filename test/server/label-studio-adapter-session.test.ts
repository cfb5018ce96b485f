// @vitest-environment node
// The Label Studio adapter's sign-in, sign-up, sign-out, member removal and organization
// administration against the reference server on loopback, through a fetch that keeps cookies
// as a browser on the server's origin does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { browserLikeFetch, startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
let accounts = 0;
const PASSWORD = 'long-enough-password';

beforeAll(async () => {
  server = await startLoopbackServer({
    signInLimits: { perAccount: { attempts: 2, windowMs: 60_000 }, perAddress: { attempts: 1000, windowMs: 60_000 } },
  });
});
afterAll(() => server.close());

/** A fresh owner of a fresh organization with one more member, and a browser to sign in with. */
function freshOrganization() {
  const n = ++accounts;
  const owner = server.addUser({ email: `owner-${n}@example.com`, organizationTitle: `Org ${n}`, password: PASSWORD });
  const member = server.addUser({
    email: `member-${n}@example.com`,
    firstName: 'Grace',
    lastName: 'Hopper',
    password: PASSWORD,
    organizationId: owner.organizationId,
  });
  const browser = () => createLabelStudioAdapter({ baseUrl: server.baseUrl, fetch: browserLikeFetch(server.baseUrl) });
  const asOwner = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: owner.token } });
  return { owner, member, browser, asOwner };
}

async function rejection(promise: Promise<unknown>): Promise<AccountError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AccountError)) throw new Error(`expected an AccountError, got ${String(error)}`);
  return error;
}

describe('signIn and signOut', () => {
  it('signs in a browser with the session cookie, and signs it out again', async () => {
    const { owner, browser } = freshOrganization();
    const adapter = browser();
    expect((await rejection(adapter.getCurrentUser())).code).toBe('unauthorized');
    const user = await adapter.signIn!({ email: owner.email, password: PASSWORD });
    expect(user.email).toBe(owner.email);
    expect((await adapter.getCurrentUser()).id).toBe(String(owner.id));
    await adapter.signOut!();
    expect((await rejection(adapter.getCurrentUser())).code).toBe('unauthorized');
  });

  it('answers a wrong password with unauthorized, and an empty one with a field error', async () => {
    const { owner, browser } = freshOrganization();
    const wrong = await rejection(browser().signIn!({ email: owner.email, password: 'not-the-password' }));
    expect(wrong).toMatchObject({ code: 'unauthorized', status: 401, message: 'Invalid email or password.' });
    const empty = await rejection(browser().signIn!({ email: owner.email, password: '' }));
    expect(empty).toMatchObject({ code: 'validation', fieldErrors: { password: ['This field is required.'] } });
  });

  it('answers a throttled sign-in with rate_limited and the wait, which the message names', async () => {
    const { member, browser } = freshOrganization();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await rejection(browser().signIn!({ email: member.email, password: 'wrong-password' }));
    }
    const limited = await rejection(browser().signIn!({ email: member.email, password: PASSWORD }));
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 60_000 });
    expect(limited.message).toBe('Request was throttled. Expected available in 60 seconds.');
  });
});

describe('signUp and getSignUpPolicy', () => {
  it('signs up through the invite link into the organization, signed in', async () => {
    const { owner, browser, asOwner } = freshOrganization();
    const link = await asOwner.getInviteLink!();
    const inviteToken = new URL(link.url).searchParams.get('token')!;
    const adapter = browser();
    expect(await adapter.getSignUpPolicy!({ inviteToken })).toEqual({
      allowed: true,
      organizationName: `Org ${accounts}`,
    });
    const created = await adapter.signUp!({
      email: `Invited-${accounts}@Example.com`,
      password: PASSWORD,
      inviteToken,
    });
    expect(created.email).toBe(`invited-${accounts}@example.com`);
    const membership = await adapter.getMembership!();
    expect(membership.organization).toMatchObject({ id: String(owner.organizationId), ownerEmail: owner.email });
    const { items } = await asOwner.listMembers!({ page: 1, pageSize: 30 });
    expect(items.map((item) => item.email)).toContain(`invited-${accounts}@example.com`);
  });

  it("puts the invitation's error on inviteToken, with the message that says why", async () => {
    const { browser, asOwner } = freshOrganization();
    const old = new URL((await asOwner.getInviteLink!()).url).searchParams.get('token')!;
    await asOwner.resetInviteLink!();
    const adapter = browser();
    expect(await adapter.getSignUpPolicy!({ inviteToken: old })).toEqual({ allowed: false, reason: 'invite-invalid' });
    const error = await rejection(adapter.signUp!({ email: 'late@example.com', password: PASSWORD, inviteToken: old }));
    expect(error).toMatchObject({
      code: 'validation',
      status: 400,
      message: 'This invitation link is no longer valid. Ask for a new one.',
      fieldErrors: { inviteToken: ['This invitation link is no longer valid. Ask for a new one.'] },
    });
    expect(error.fieldErrors).not.toHaveProperty('token');
  });

  it("puts Label Studio's field messages on email and password", async () => {
    const { owner, browser } = freshOrganization();
    const error = await rejection(browser().signUp!({ email: owner.email, password: 'short' }));
    expect(error).toMatchObject({
      code: 'validation',
      fieldErrors: {
        email: ['User with email already exists'],
        password: ['Please enter a password 8-12 characters in length'],
      },
    });
  });

  it('tells a server that needs a link apart from a stale link', async () => {
    const restricted = await startLoopbackServer({ disableSignupWithoutLink: true });
    try {
      const adapter = createLabelStudioAdapter({
        baseUrl: restricted.baseUrl,
        fetch: browserLikeFetch(restricted.baseUrl),
      });
      expect(await adapter.getSignUpPolicy!({})).toEqual({ allowed: false, reason: 'invite-required' });
      expect(await adapter.getSignUpPolicy!({ inviteToken: 'stale' })).toEqual({
        allowed: false,
        reason: 'invite-invalid',
      });
      const error = await rejection(adapter.signUp!({ email: 'new@example.com', password: PASSWORD }));
      expect(error.fieldErrors).toEqual({
        inviteToken: ['Sign-up needs an invitation link. Ask a member of the organization for one.'],
      });
    } finally {
      await restricted.close();
    }
  });
});

describe('removeMember and what the signed-in user may administer', () => {
  it('reports the rights whoami grants as Membership.permissions', async () => {
    const { asOwner } = freshOrganization();
    expect((await asOwner.getMembership!()).permissions).toEqual({ removeMembers: true, changeTokenSettings: true });
  });

  it('removes a member, who is then listed as deleted without their name, email or photo', async () => {
    const { member, asOwner } = freshOrganization();
    await asOwner.removeMember!(String(member.id));
    const { items, total } = await asOwner.listMembers!({ page: 1, pageSize: 30 });
    expect(total).toBe(2);
    expect(items.find((item) => item.id === String(member.id))).toEqual({
      id: String(member.id),
      email: 'Deleted',
      firstName: 'Deleted',
      lastName: 'User',
      avatarUrl: null,
      deleted: true,
    });
    expect((await rejection(asOwner.removeMember!(String(member.id)))).code).toBe('not_found');
    expect((await rejection(asOwner.getMember!(String(member.id)))).code).toBe('not_found');
  });

  it("refuses the removed member's next call with forbidden, whatever they signed in with", async () => {
    const { member, browser, asOwner } = freshOrganization();
    const signedIn = browser();
    await signedIn.signIn!({ email: member.email, password: PASSWORD });
    const byToken = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: member.token } });
    await asOwner.removeMember!(String(member.id));
    for (const adapter of [signedIn, byToken]) {
      expect(await rejection(adapter.getCurrentUser())).toMatchObject({
        code: 'forbidden',
        status: 403,
        message: 'You do not have permission to perform this action.',
      });
    }
    expect((await rejection(browser().signIn!({ email: member.email, password: PASSWORD }))).code).toBe('forbidden');
  });

  it('refuses to remove the signed-in user with a message that says so', async () => {
    const { owner, asOwner } = freshOrganization();
    expect(await rejection(asOwner.removeMember!(String(owner.id)))).toMatchObject({
      code: 'forbidden',
      status: 405,
      message: "You can't remove yourself from the organization.",
    });
  });
});

describe('updateTokenSettings with the personal-token lifetime', () => {
  it('changes the lifetime where the server has the setting, with never as 73000 days', async () => {
    const { asOwner } = freshOrganization();
    expect((await asOwner.getTokenSettings!()).canChangeLifetime).toBe(true);
    expect(await asOwner.updateTokenSettings!({ personalTokenLifetimeDays: 30 })).toMatchObject({
      personalTokenLifetimeDays: 30,
      canChangeLifetime: true,
    });
    expect((await asOwner.getTokenSettings!()).personalTokenLifetimeDays).toBe(30);
    expect(
      (await asOwner.updateTokenSettings!({ personalTokenLifetimeDays: null })).personalTokenLifetimeDays,
    ).toBeNull();
  });

  it("puts the server's field error on personalTokenLifetimeDays", async () => {
    const { asOwner } = freshOrganization();
    const error = await rejection(asOwner.updateTokenSettings!({ personalTokenLifetimeDays: 0 }));
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['personalTokenLifetimeDays']);
  });
});

describe('the invitation, end to end through two browsers', () => {
  it('the owner copies the link, a new person signs up through it, the owner removes them, their next call is refused', async () => {
    const { owner, browser } = freshOrganization();
    const ownerBrowser = browser();
    await ownerBrowser.signIn!({ email: owner.email, password: PASSWORD });
    const { url } = await ownerBrowser.getInviteLink!();
    expect(url).toMatch(new RegExp(`^${server.baseUrl}/user/signup/\\?token=`));

    const newcomer = browser();
    const inviteToken = new URL(url).searchParams.get('token')!;
    expect((await newcomer.getSignUpPolicy!({ inviteToken })).allowed).toBe(true);
    const joined = await newcomer.signUp!({
      email: `newcomer-${accounts}@example.com`,
      password: PASSWORD,
      inviteToken,
    });
    expect((await newcomer.getCurrentUser()).id).toBe(joined.id);

    const listed = await ownerBrowser.listMembers!({ page: 1, pageSize: 30 });
    expect(listed.items.map((member) => member.email)).toContain(joined.email);
    await ownerBrowser.removeMember!(joined.id);

    expect((await rejection(newcomer.getCurrentUser())).code).toBe('forbidden');
    const after = await ownerBrowser.listMembers!({ page: 1, pageSize: 30 });
    expect(after.items.find((member) => member.id === joined.id)?.deleted).toBe(true);
  });
});
