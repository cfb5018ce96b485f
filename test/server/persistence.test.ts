// @vitest-environment node
// Reference server: data lives in the data directory's SQLite file and survives a clean restart
// and a killed process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './cli';
import { fixtureImage, makeDataDir, multipart, removeDataDir, startServer } from './harness';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach(removeDataDir));

function dataDir(): string {
  const dir = makeDataDir();
  dataDirs.push(dir);
  return dir;
}

describe('closing and reopening on the same data directory', () => {
  it('keeps the profile, avatar, hotkeys, tokens, settings and invite link', async () => {
    const dir = dataDir();
    const first = await startServer(dir);
    const ada = first.as(first.addUser({ email: 'ada@example.com' }));
    await ada.request('PATCH', `/api/users/${ada.user.id}/`, { first_name: 'Ada', phone: '123', allow_newsletters: 1 });
    const { payload, headers } = multipart('avatar', 'a.png', 'image/png', fixtureImage('png-37x23.png'));
    await ada.request('POST', `/api/users/${ada.user.id}/avatar/`, payload, headers);
    const hotkeys = { 'annotation:submit': { key: 'ctrl+s', active: false } };
    await ada.request('PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: hotkeys });
    const settings = { autoTranslatePlatforms: true };
    await ada.request('PATCH', '/api/current-user/hotkeys/', { hotkey_settings: settings });
    const { token: refresh } = (await ada.request('POST', '/api/token/')).json();
    await ada.request('POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: true });
    const invite = (await ada.request('POST', '/api/invite/reset-token')).json();
    const before = (await ada.request('GET', '/api/current-user/whoami')).json();
    await first.close({ keepData: true });

    const second = await startServer(dir);
    const again = second.as(ada.user);
    const after = (await again.request('GET', '/api/current-user/whoami')).json();
    expect(after).toMatchObject({ first_name: 'Ada', phone: '123', allow_newsletters: true, custom_hotkeys: hotkeys });
    expect(after.avatar).toBe(before.avatar);
    expect((await second.inject({ method: 'GET', url: after.avatar })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/current-user/hotkeys/')).json()).toEqual({
      custom_hotkeys: hotkeys,
      hotkey_settings: settings,
    });
    expect((await again.request('GET', '/api/invite')).json()).toEqual(invite);
    expect((await again.request('GET', '/api/token/')).json()).toHaveLength(1);
    // The signing secret is kept too, so tokens issued before the restart still work.
    const refreshed = await second.inject({ method: 'POST', url: '/api/token/refresh/', payload: { refresh } });
    expect(refreshed.statusCode).toBe(200);
    await second.close({ keepData: true });
    expect(existsSync(join(dir, 'label-studio.sqlite3'))).toBe(true);
  });
});

describe('a version 2 database', () => {
  it('gets the token lifetime per organization (73000 days) and keeps its settings', async () => {
    const dir = dataDir();
    const first = await startServer(dir);
    const ada = first.as(first.addUser({ email: 'ada@example.com' }));
    await first.close({ keepData: true });
    // As version 2 left it: no api_token_ttl_days column.
    const db = new Database(join(dir, 'label-studio.sqlite3'));
    db.exec('ALTER TABLE jwt_settings DROP COLUMN api_token_ttl_days; PRAGMA user_version = 2;');
    db.close();

    const second = await startServer(dir);
    try {
      const again = second.as(ada.user);
      expect((await again.request('GET', '/api/jwt/settings')).json()).toEqual({
        api_tokens_enabled: true,
        legacy_api_tokens_enabled: true,
        api_token_ttl_days: 73_000,
      });
      expect((await again.request('POST', '/api/jwt/settings', { api_token_ttl_days: 10 })).statusCode).toBe(200);
    } finally {
      await second.close({ keepData: true });
    }
  });
});

describe('a version 3 database', () => {
  it('gets the example projects and per-project hotkeys, and keeps the account map', async () => {
    const dir = dataDir();
    const first = await startServer(dir);
    const ada = first.as(first.addUser({ email: 'ada@example.com' }));
    const account = { 'editor:save': { key: 'ctrl+s' } };
    await ada.request('PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: account });
    await first.close({ keepData: true });
    // As version 3 left it: no projects.
    const db = new Database(join(dir, 'label-studio.sqlite3'));
    db.exec('DROP TABLE project_hotkeys; DROP TABLE projects; PRAGMA user_version = 3;');
    db.close();

    const second = await startServer(dir);
    try {
      const again = second.as(ada.user);
      const projects = (await again.request('GET', '/api/projects/')).json();
      expect(projects.count).toBe(6);
      const project = projects.results[0].id;
      const override = { 'editor:save': { key: 'ctrl+shift+s' } };
      const saved = await again.request('PATCH', `/api/current-user/hotkeys/?project=${project}`, {
        custom_hotkeys: override,
      });
      expect(saved.json()).toEqual({ custom_hotkeys: override });
      expect((await again.request('GET', '/api/current-user/hotkeys/')).json()).toEqual({
        custom_hotkeys: account,
        hotkey_settings: {},
      });
    } finally {
      await second.close({ keepData: true });
    }
  });
});

describe('a version 4 database', () => {
  it('gets an empty hotkey_settings column beside the kept account map, and stores settings after', async () => {
    const dir = dataDir();
    const first = await startServer(dir);
    const ada = first.as(first.addUser({ email: 'ada@example.com' }));
    const account = { 'editor:save': { key: 'ctrl+s' } };
    await ada.request('PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: account });
    await first.close({ keepData: true });
    // As version 4 left it: no hotkey settings.
    const db = new Database(join(dir, 'label-studio.sqlite3'));
    db.exec('ALTER TABLE users DROP COLUMN hotkey_settings; PRAGMA user_version = 4;');
    db.close();

    const second = await startServer(dir);
    try {
      const again = second.as(ada.user);
      const url = '/api/current-user/hotkeys/';
      expect((await again.request('GET', url)).json()).toEqual({ custom_hotkeys: account, hotkey_settings: {} });
      const saved = await again.request('PATCH', url, { hotkey_settings: { autoTranslatePlatforms: true } });
      expect(saved.json()).toEqual({ custom_hotkeys: account, hotkey_settings: { autoTranslatePlatforms: true } });
    } finally {
      await second.close({ keepData: true });
    }
    const upgraded = new Database(join(dir, 'label-studio.sqlite3'));
    expect(upgraded.pragma('user_version', { simple: true })).toBe(6);
    upgraded.close();
  });
});

describe('a version 5 database', () => {
  it('gets the removed-members column, keeps every member, and removes one after', async () => {
    const dir = dataDir();
    const first = await startServer(dir);
    const ada = first.as(first.addUser({ email: 'ada@example.com' }));
    const bob = first.addUser({ email: 'bob@example.com', organizationId: ada.user.organizationId });
    await first.close({ keepData: true });
    // As version 5 left it: memberships without deleted_at.
    const db = new Database(join(dir, 'label-studio.sqlite3'));
    db.exec('ALTER TABLE memberships DROP COLUMN deleted_at; PRAGMA user_version = 5;');
    db.close();

    const second = await startServer(dir);
    try {
      const again = second.as(ada.user);
      const list = `/api/organizations/${ada.user.organizationId}/memberships`;
      const emails = (await again.request('GET', list))
        .json()
        .results.map((r: { user: { email: string } }) => r.user.email);
      expect(emails).toEqual(['ada@example.com', 'bob@example.com']);
      expect((await again.request('DELETE', `${list}/${bob.id}/`)).statusCode).toBe(204);
      expect((await second.as(bob).request('GET', '/api/current-user/whoami')).statusCode).toBe(403);
    } finally {
      await second.close({ keepData: true });
    }
    const upgraded = new Database(join(dir, 'label-studio.sqlite3'));
    expect(upgraded.pragma('user_version', { simple: true })).toBe(6);
    upgraded.close();
  });
});

describe('a killed server process', () => {
  it('keeps every change it answered before being killed', async () => {
    const dir = dataDir();
    const first = await startCli([
      '--data-dir',
      dir,
      '--username',
      'ada@example.com',
      '--password',
      'pw-123456',
      '--user-token',
      'ada-token-1',
      '--enable-legacy-api-token',
    ]);
    const headers = { authorization: 'Token ada-token-1', 'content-type': 'application/json' };
    const whoami = await (await fetch(`${first.origin}/api/current-user/whoami`, { headers })).json();
    const patched = await fetch(`${first.origin}/api/users/${whoami.id}/`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ first_name: 'Killed', last_name: 'Midway' }),
    });
    expect(patched.status).toBe(200);
    const hotkeys = { 'tools:tool:rect': { key: 'r' } };
    const saved = await fetch(`${first.origin}/api/current-user/hotkeys/`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ custom_hotkeys: hotkeys }),
    });
    expect(saved.status).toBe(200);
    const created = await fetch(`${first.origin}/api/token/`, { method: 'POST', headers });
    expect(created.status).toBe(201);
    expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startCli(['--data-dir', dir]);
    try {
      const after = await (await fetch(`${second.origin}/api/current-user/whoami`, { headers })).json();
      expect(after).toMatchObject({ first_name: 'Killed', last_name: 'Midway', custom_hotkeys: hotkeys });
      const tokens = await (await fetch(`${second.origin}/api/token/`, { headers })).json();
      expect(tokens).toHaveLength(1);
    } finally {
      expect((await second.stop('SIGTERM')).code).toBe(0);
    }
  });
});
