// @vitest-environment node
// Reference server CLI (server/cli.ts), run for real in child processes: start, user,
// reset-password and seed-members.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedMembers } from '../../src/adapters/memory/seed';
import { runCli, startCli } from './cli';
import { makeDataDir, removeDataDir, startServer } from './harness';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach(removeDataDir));

function dataDir(): string {
  const dir = makeDataDir();
  dataDirs.push(dir);
  return dir;
}

/** Whether the password logs the user in, checked through the HTTP API. */
async function canLogIn(dir: string, email: string, password: string): Promise<boolean> {
  const server = await startServer(dir);
  try {
    const response = await server.inject({ method: 'POST', url: '/api/session/login', payload: { email, password } });
    return response.statusCode === 200;
  } finally {
    await server.close({ keepData: true });
  }
}

function parseUserInfo(stdout: string): Record<string, unknown> {
  const [, json = ''] = stdout.split('=> User info:\n');
  return JSON.parse(json);
}

describe('start', () => {
  it('refuses a user token shorter than 5 characters with exit code 2, before touching the data', async () => {
    const dir = dataDir();
    const result = await runCli([
      'start',
      '--port',
      '0',
      '--data-dir',
      dir,
      '--username',
      'a@example.com',
      '--password',
      'pw',
      '--user-token',
      'abcd',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at least 5 characters');
    expect(result.stderr).toContain('has 4');
    expect(existsSync(join(dir, 'label-studio.sqlite3'))).toBe(false);
  });

  it('creates the user on first start with the given token, and leaves it alone after', async () => {
    const dir = dataDir();
    const first = await startCli([
      '--data-dir',
      dir,
      '--username',
      'ada@example.com',
      '--password',
      'first-pw',
      '--user-token',
      'tok-12345',
      '--enable-legacy-api-token',
    ]);
    expect(first.output()).toContain('User ada@example.com created');
    expect(first.output()).toMatch(/Label Studio API listening on http:\/\/127\.0\.0\.1:\d+\/api\//);
    const whoami = await fetch(`${first.origin}/api/current-user/whoami`, {
      headers: { authorization: 'Token tok-12345' },
    });
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toMatchObject({
      email: 'ada@example.com',
      active_organization_meta: { title: 'Label Studio', email: 'ada@example.com' },
    });
    expect(await first.stop('SIGINT')).toEqual({ code: 0, signal: null });

    const second = await startCli([
      '--data-dir',
      dir,
      '--username',
      'ada@example.com',
      '--password',
      'other-pw',
      '--user-token',
      'tok-99999',
      '--enable-legacy-api-token',
    ]);
    expect(second.output()).toContain('User ada@example.com already exists');
    const still = await fetch(`${second.origin}/api/current-user/token`, {
      headers: { authorization: 'Token tok-12345' },
    });
    expect(await still.json()).toEqual({ token: 'tok-12345' });
    expect((await second.stop('SIGTERM')).code).toBe(0);
    expect(await canLogIn(dir, 'ada@example.com', 'first-pw')).toBe(true);
  });

  it('reads the user from LABEL_STUDIO_* environment variables', async () => {
    const dir = dataDir();
    const server = await startCli(['--data-dir', dir], {
      LABEL_STUDIO_USERNAME: 'env@example.com',
      LABEL_STUDIO_PASSWORD: 'env-password',
      LABEL_STUDIO_USER_TOKEN: 'env-token',
      LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN: 'true',
    });
    const response = await fetch(`${server.origin}/api/current-user/whoami`, {
      headers: { authorization: 'Token env-token' },
    });
    expect((await response.json()).email).toBe('env@example.com');
    await server.stop();
  });

  it('leaves legacy tokens off without --enable-legacy-api-token, and says so when given a user token', async () => {
    const server = await startCli([
      '--data-dir',
      dataDir(),
      '--username',
      'off@example.com',
      '--password',
      'pw-off',
      '--user-token',
      'off-token',
    ]);
    expect(server.output()).toContain('add --enable-legacy-api-token');
    const response = await fetch(`${server.origin}/api/current-user/whoami`, {
      headers: { authorization: 'Token off-token' },
    });
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toContain('legacy token authentication has been disabled');
    await server.stop();
  });

  it('reads HEARTEX_* variables when the LABEL_STUDIO_* ones are missing, and LABEL_STUDIO_* first', async () => {
    const dir = dataDir();
    const server = await startCli(['--data-dir', dir], {
      HEARTEX_USERNAME: 'heartex@example.com',
      HEARTEX_PASSWORD: 'heartex-password',
      HEARTEX_USER_TOKEN: 'heartex-token',
      LABEL_STUDIO_USER_TOKEN: 'studio-token',
      HEARTEX_ENABLE_LEGACY_API_TOKEN: 'true',
    });
    expect(server.output()).not.toContain('add --enable-legacy-api-token');
    const response = await fetch(`${server.origin}/api/current-user/whoami`, {
      headers: { authorization: 'Token studio-token' },
    });
    expect((await response.json()).email).toBe('heartex@example.com');
    await server.stop();
    expect(await canLogIn(dir, 'heartex@example.com', 'heartex-password')).toBe(true);
  });

  it('asks for the password of a new user when none is given', async () => {
    const dir = dataDir();
    const server = await startCli(['--data-dir', dir, '--username', 'asked@example.com'], {}, 'typed-password\n');
    expect(server.output()).toContain('Password for asked@example.com: ');
    expect(server.output()).toContain('User asked@example.com created');
    await server.stop();
    expect(await canLogIn(dir, 'asked@example.com', 'typed-password')).toBe(true);

    const nothing = await runCli(['start', '--port', '0', '--data-dir', dir, '--username', 'none@example.com']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('give a password');
  });

  it('refuses a short token from the environment too', async () => {
    const result = await runCli(['start', '--data-dir', dataDir()], {
      env: { LABEL_STUDIO_USERNAME: 'a@example.com', LABEL_STUDIO_PASSWORD: 'pw', LABEL_STUDIO_USER_TOKEN: 'abc' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has 3');
  });

  it('refuses a bad port and an unknown command with exit code 2', async () => {
    expect((await runCli(['start', '--port', 'http', '--data-dir', dataDir()])).code).toBe(2);
    const unknown = await runCli(['launch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "launch"');
  });
});

describe('user, reset-password and seed-members', () => {
  let dir: string;
  const email = 'ada@example.com';

  beforeAll(async () => {
    dir = dataDir();
    const server = await startServer(dir);
    server.addUser({ email, password: 'old-password', token: 'ada-token', firstName: 'Ada' });
    await server.close({ keepData: true });
  });

  it('user prints the user info with the legacy token', async () => {
    const result = await runCli(['user', '--username', email, '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('=> User info:\n')).toBe(true);
    expect(parseUserInfo(result.stdout)).toMatchObject({
      email,
      first_name: 'Ada',
      token: 'ada-token',
      status: 'ok',
      active_organization_meta: { title: 'Label Studio', email },
    });
  });

  it('user reports an unknown user with exit code 1', async () => {
    const result = await runCli(['user', '--username', 'nobody@example.com', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'error', message: "user nobody@example.com doesn't exist" });
  });

  it('reset-password sets the password given by flags', async () => {
    const result = await runCli([
      'reset-password',
      '--username',
      email,
      '--password',
      'flag-password',
      '--data-dir',
      dir,
    ]);
    expect(result).toMatchObject({ code: 0, stdout: 'Password successfully changed\n' });
    expect(await canLogIn(dir, email, 'flag-password')).toBe(true);
    expect(await canLogIn(dir, email, 'old-password')).toBe(false);
  });

  it('reset-password prompts for what is missing, reading piped stdin', async () => {
    const result = await runCli(['reset-password', '--data-dir', dir], { input: `${email}\npiped-password\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Username: \nNew password: \nPassword successfully changed\n');
    expect(await canLogIn(dir, email, 'piped-password')).toBe(true);

    const onlyPassword = await runCli(['reset-password', '--username', email, '--data-dir', dir], {
      input: 'third-password\n',
    });
    expect(onlyPassword.stdout).toBe('New password: \nPassword successfully changed\n');
  });

  it('reset-password refuses the current password, an empty one and an unknown user', async () => {
    const same = await runCli([
      'reset-password',
      '--username',
      email,
      '--password',
      'third-password',
      '--data-dir',
      dir,
    ]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('Entered password is the same as current');

    const empty = await runCli(['reset-password', '--data-dir', dir], { input: `${email}\n\n` });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Can not set empty password');

    const closedStdin = await runCli(['reset-password', '--username', email, '--data-dir', dir]);
    expect(closedStdin.code).toBe(1);
    expect(closedStdin.stderr).toContain('Can not set empty password');

    const unknown = await runCli([
      'reset-password',
      '--username',
      'nobody@example.com',
      '--password',
      'x',
      '--data-dir',
      dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('User with username nobody@example.com not found');

    expect(await canLogIn(dir, email, 'third-password')).toBe(true);
  });

  it('reset-password ends existing sessions', async () => {
    const server = await startServer(dir);
    const login = await server.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email, password: 'third-password' },
    });
    const cookie = `sessionid=${login.cookies[0]?.value}`;
    await runCli(['reset-password', '--username', email, '--password', 'fourth-password', '--data-dir', dir]);
    const after = await server.inject({ method: 'GET', url: '/api/current-user/whoami', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    await server.close({ keepData: true });
  });

  it('seed-members adds deterministic members once', async () => {
    const first = await runCli(['seed-members', '--count', '12', '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Added 12 members');
    const again = await runCli(['seed-members', '--count', '12', '--data-dir', dir]);
    expect(again.stdout).toContain('Added 0 members');

    const server = await startServer(dir);
    const response = await server.inject({
      method: 'GET',
      url: '/api/organizations/1/memberships?page_size=-1',
      headers: { authorization: 'Token ada-token' },
    });
    const body = response.json();
    expect(body.count).toBe(13);
    expect(body.results[1].user).toMatchObject({ email: 'member-001@example.com', first_name: 'Grace' });
    // The memory adapter's seed names them: member N has the name of its seed member N.
    const names = (body.results as Array<{ user: { first_name: string; last_name: string } }>).map(({ user }) => [
      user.first_name,
      user.last_name,
    ]);
    expect(names.slice(1)).toEqual(
      createSeedMembers(13)
        .map((member) => [member.firstName, member.lastName])
        .slice(1),
    );
    await server.close({ keepData: true });
  });
});

describe('start: CORS from the environment, as Label Studio reads it', () => {
  const preflight = (origin: string, from: string) =>
    fetch(`${origin}/api/current-user/whoami`, {
      method: 'OPTIONS',
      headers: { Origin: from, 'Access-Control-Request-Method': 'GET' },
    });

  it('answers every origin by default, and only CORS_ALLOWED_ORIGINS when given', async () => {
    const dir = makeDataDir();
    try {
      const open = await startCli(['--data-dir', dir]);
      try {
        const response = await preflight(open.origin, 'https://anywhere.example');
        expect(response.status).toBe(200);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
      } finally {
        await open.stop();
      }
      const restricted = await startCli(['--data-dir', dir], { CORS_ALLOWED_ORIGINS: 'https://app.example.com' });
      try {
        const allowed = await preflight(restricted.origin, 'https://app.example.com');
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
        const other = await preflight(restricted.origin, 'https://anywhere.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await restricted.stop();
      }
    } finally {
      removeDataDir(dir);
    }
  });
});
