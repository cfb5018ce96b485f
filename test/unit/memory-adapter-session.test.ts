import { describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../../src/adapters/memory';

async function failure(promise: Promise<unknown>): Promise<AccountError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AccountError)) throw new Error(`expected an AccountError, got ${String(error)}`);
  return error;
}

describe('memory adapter sessions', () => {
  it('signs out, refuses every other call, and signs the seed user back in with the seed password', async () => {
    const adapter = createMemoryAdapter();
    await adapter.updateProfile({ firstName: 'Hedy' });
    await adapter.signOut();
    expect((await failure(adapter.getCurrentUser())).code).toBe('unauthorized');
    expect((await failure(adapter.listMembers({ page: 1, pageSize: 30 }))).code).toBe('unauthorized');
    const wrong = await failure(adapter.signIn({ email: 'heidi@example.com', password: 'not-it' }));
    expect(wrong.code).toBe('unauthorized');
    expect(wrong.message).toBe("The email and password you entered don't match.");
    const user = await adapter.signIn({ email: ' Heidi@Example.com ', password: DEFAULT_SEED_PASSWORD });
    expect(user.firstName).toBe('Hedy');
    expect((await adapter.getCurrentUser()).email).toBe('heidi@example.com');
  });

  it('signs a new person up through the invite link into the organization, each account keeping its own data', async () => {
    const adapter = createMemoryAdapter();
    const token = new URL((await adapter.getInviteLink()).url, 'http://host').searchParams.get('token')!;
    expect(await adapter.getSignUpPolicy({ inviteToken: token })).toEqual({
      allowed: true,
      organizationName: (await adapter.getMembership()).organization!.title,
    });
    await adapter.saveHotkeys({ 'annotation:undo': { key: 'ctrl+u' } });
    const created = await adapter.signUp({
      email: 'New.Person@example.com',
      password: 'long enough',
      inviteToken: token,
    });
    expect(created.email).toBe('new.person@example.com');
    expect((await adapter.getCurrentUser()).id).toBe(created.id);
    expect(await adapter.getHotkeys()).toEqual({});
    const listed = await adapter.listMembers({ page: 1, pageSize: 100, search: 'new.person' });
    expect(listed.items.map((member) => member.id)).toEqual([created.id]);
    await adapter.signIn({ email: 'heidi@example.com', password: DEFAULT_SEED_PASSWORD });
    expect(await adapter.getHotkeys()).toEqual({ 'annotation:undo': { key: 'ctrl+u' } });
  });

  it('names the limit and the length of a short password, and refuses a taken email', async () => {
    const adapter = createMemoryAdapter();
    const error = await failure(adapter.signUp({ email: 'heidi@example.com', password: 'short' }));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.password).toEqual(['This password is 5 characters long. Use 8 to 64 characters.']);
    expect(error.fieldErrors?.email?.[0]).toMatch(/already exists/);
  });

  it('stops a reset link, and needs a link when sign-up is restricted', async () => {
    const adapter = createMemoryAdapter({ seed: { signUpRequiresInvite: true } });
    const old = new URL((await adapter.getInviteLink()).url, 'http://host').searchParams.get('token')!;
    await adapter.resetInviteLink();
    expect(await adapter.getSignUpPolicy({ inviteToken: old })).toEqual({ allowed: false, reason: 'invite-invalid' });
    expect(await adapter.getSignUpPolicy({})).toEqual({ allowed: false, reason: 'invite-required' });
    const stale = await failure(adapter.signUp({ email: 'a@example.com', password: 'long enough', inviteToken: old }));
    expect(stale.fieldErrors?.inviteToken).toEqual(['This invitation link is no longer valid. Ask for a new one.']);
    const bare = await failure(adapter.signUp({ email: 'a@example.com', password: 'long enough' }));
    expect(bare.code).toBe('forbidden');
    expect(bare.message).toMatch(/needs an invitation link/);
  });

  it('removes a member (not yourself): gone from the list and refused at sign-in', async () => {
    const adapter = createMemoryAdapter();
    const token = new URL((await adapter.getInviteLink()).url, 'http://host').searchParams.get('token')!;
    const newcomer = await adapter.signUp({ email: 'temp@example.com', password: 'long enough', inviteToken: token });
    await adapter.signIn({ email: 'heidi@example.com', password: DEFAULT_SEED_PASSWORD });
    const me = await adapter.getCurrentUser();
    expect((await failure(adapter.removeMember(me.id))).code).toBe('forbidden');
    await adapter.removeMember(newcomer.id);
    expect((await adapter.listMembers({ page: 1, pageSize: 100, search: 'temp@' })).total).toBe(0);
    expect((await failure(adapter.getMember(newcomer.id))).code).toBe('not_found');
    expect((await failure(adapter.removeMember(newcomer.id))).code).toBe('not_found');
    expect((await failure(adapter.signIn({ email: 'temp@example.com', password: 'long enough' }))).code).toBe(
      'forbidden',
    );
  });

  it('reports what the user may administer, and refuses what they may not', async () => {
    const adapter = createMemoryAdapter({
      seed: { permissions: { removeMembers: false, changeTokenSettings: false } },
    });
    expect((await adapter.getMembership()).permissions).toEqual({ removeMembers: false, changeTokenSettings: false });
    expect((await failure(adapter.removeMember('2'))).code).toBe('forbidden');
    expect((await failure(adapter.updateTokenSettings({ legacyTokenEnabled: false }))).code).toBe('forbidden');
  });
});
