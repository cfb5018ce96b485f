// @vitest-environment node
// The CLI's switch for sign-up only through an invitation link: `start
// --disable-signup-without-link`, or Label Studio's LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true.
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, type RunningServer } from './cli';
import { makeDataDir, removeDataDir } from './harness';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach(removeDataDir));

function dataDir(): string {
  const dir = makeDataDir();
  dataDirs.push(dir);
  return dir;
}

/** What the running server says about sign-up without a link, and whether a sign-up without one goes through. */
async function signUpWithoutLink(server: RunningServer) {
  const policy = await (await fetch(`${server.origin}/api/session/signup-policy`)).json();
  const signUp = await fetch(`${server.origin}/api/session/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `new-${Math.random().toString(36).slice(2)}@example.com`,
      password: 'long-enough-password',
    }),
  });
  return { policy, status: signUp.status, body: await signUp.json() };
}

describe('start and sign-up without a link', () => {
  it('lets anyone sign up by default', async () => {
    const server = await startCli(['--data-dir', dataDir()]);
    try {
      const { policy, status } = await signUpWithoutLink(server);
      expect(policy).toEqual({ allowed: true });
      expect(status).toBe(201);
      expect(server.output()).not.toContain('Sign-up needs an invitation link.');
    } finally {
      await server.stop();
    }
  });

  for (const [how, args, env] of [
    ['--disable-signup-without-link', ['--disable-signup-without-link'], {}],
    ['LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true', [], { LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK: 'true' }],
    ['HEARTEX_DISABLE_SIGNUP_WITHOUT_LINK=1', [], { HEARTEX_DISABLE_SIGNUP_WITHOUT_LINK: '1' }],
  ] as const) {
    it(`needs a valid link with ${how}, and says so when it starts`, async () => {
      const server = await startCli(
        ['--data-dir', dataDir(), '--username', 'owner@example.com', '--password', 'owner-password', ...args],
        env,
      );
      try {
        const { policy, status, body } = await signUpWithoutLink(server);
        expect(policy).toEqual({ allowed: false, reason: 'invite-required' });
        expect(status).toBe(400);
        expect(body.validation_errors).toEqual({
          token: ['Sign-up needs an invitation link. Ask a member of the organization for one.'],
        });
        const page = await fetch(`${server.origin}/user/signup/`);
        expect(page.status).toBe(403);
        expect(server.output()).toContain('Sign-up needs an invitation link.');

        // The owner's invite link works.
        const login = await fetch(`${server.origin}/api/session/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password: 'owner-password' }),
        });
        const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
        const { token } = await (await fetch(`${server.origin}/api/invite`, { headers: { cookie } })).json();
        const invited = await fetch(`${server.origin}/user/signup/?token=${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
          body: new URLSearchParams({ email: 'invited@example.com', password: 'long-enough-password' }),
          redirect: 'manual',
        });
        expect(invited.status).toBe(302);
        expect(invited.headers.get('location')).toBe('/');
      } finally {
        await server.stop();
      }
    });
  }

  it('reads LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=false as off', async () => {
    const server = await startCli(['--data-dir', dataDir()], { LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK: 'false' });
    try {
      expect((await signUpWithoutLink(server)).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});
