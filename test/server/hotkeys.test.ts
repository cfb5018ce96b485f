// @vitest-environment node
// Reference server: /api/current-user/hotkeys/ with Label Studio's validation and error body.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateHotkeyOverrides } from '../../src/core/hotkeys/validate-overrides';
import { labelStudioRules } from '../../src/label-studio/rules';
import defaultsExport from '../fixtures/label-studio/hotkeys-defaults.export.json';
import { expectEnvelope, startServer, type Client, type TestServer } from './harness';

const SERVER_BLOCKED_COMBOS: readonly string[] = labelStudioRules.hotkeys.blockedCombos;

let server: TestServer;
let ada: Client;
let bob: Client;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com' }));
  bob = server.as(server.addUser({ email: 'bob@example.com' }));
});
afterAll(() => server.close());

const patch = (client: Client, body: unknown) => client.request('PATCH', '/api/current-user/hotkeys/', body);

function expectHotkeysError(response: Awaited<ReturnType<typeof patch>>, message: string): void {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toEqual({ error: 'Invalid hotkeys configuration', details: { custom_hotkeys: [message] } });
}

describe('GET', () => {
  it('answers an empty map for a new user', async () => {
    const response = await ada.request('GET', '/api/current-user/hotkeys/');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ custom_hotkeys: {}, hotkey_settings: {} });
  });

  it('answers an empty map when what is stored no longer validates', async () => {
    const db = new Database(join(server.dataDir, 'label-studio.sqlite3'));
    db.prepare('UPDATE users SET custom_hotkeys = ? WHERE id = ?').run(
      JSON.stringify({ 'a:b': { key: 'alt+f4' } }),
      bob.user.id,
    );
    db.close();
    expect((await bob.request('GET', '/api/current-user/hotkeys')).json()).toEqual({
      custom_hotkeys: {},
      hotkey_settings: {},
    });
  });

  it('needs authentication', async () => {
    expectEnvelope(
      await server.inject({ method: 'GET', url: '/api/current-user/hotkeys/' }),
      401,
      'Authentication credentials were not provided.',
    );
  });
});

describe('PATCH', () => {
  it('replaces the whole map, ignores extra body keys and echoes the map', async () => {
    const first = { 'annotation:submit': { key: 'ctrl+enter', active: true, description: 'Submit' } };
    // hotkey_settings is a field of its own now (stored beside the map); `extra` is ignored.
    const response = await patch(ada, { custom_hotkeys: first, hotkey_settings: { x: 1 }, extra: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ custom_hotkeys: first, hotkey_settings: { x: 1 } });
    await patch(ada, { hotkey_settings: {} });

    const second = {
      'tools:tool:rect': { key: 'r' },
      'data_manager:dm.focus-next': { key: 'shift+down', active: false },
    };
    await patch(ada, { custom_hotkeys: second });
    expect((await ada.request('GET', '/api/current-user/hotkeys/')).json()).toEqual({
      custom_hotkeys: second,
      hotkey_settings: {},
    });
    expect((await ada.request('GET', '/api/current-user/whoami')).json().custom_hotkeys).toEqual(second);

    expect((await patch(ada, { custom_hotkeys: {} })).json()).toEqual({ custom_hotkeys: {}, hotkey_settings: {} });
    expect((await ada.request('GET', '/api/current-user/hotkeys/')).json()).toEqual({
      custom_hotkeys: {},
      hotkey_settings: {},
    });
  });

  it("accepts the web app's full default set", async () => {
    const map = Object.fromEntries(
      defaultsExport.hotkeys.map((hotkey) => [
        `${hotkey.section}:${hotkey.element}`,
        { key: hotkey.key, active: hotkey.active, description: hotkey.description },
      ]),
    );
    const response = await patch(ada, { custom_hotkeys: map });
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json().custom_hotkeys)).toHaveLength(Object.keys(map).length);
  });

  it("leaves other users' hotkeys alone", async () => {
    await patch(ada, { custom_hotkeys: { 'a:b': { key: 'x' } } });
    await patch(bob, { custom_hotkeys: { 'c:d': { key: 'y' } } });
    expect((await ada.request('GET', '/api/current-user/hotkeys/')).json()).toEqual({
      custom_hotkeys: { 'a:b': { key: 'x' } },
      hotkey_settings: {},
    });
  });

  const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`s:a${index}`, { key: 'k' }]));
  const exactly200 = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`s:a${index}`, { key: 'k' }]));

  it('accepts 200 entries', async () => {
    expect((await patch(ada, { custom_hotkeys: exactly200 })).statusCode).toBe(200);
  });

  it.each([
    ['missing custom_hotkeys', {}, 'This field is required.'],
    ['null', { custom_hotkeys: null }, 'This field may not be null.'],
    ['a list', { custom_hotkeys: [] }, 'Expected a dictionary of items but got type "list".'],
    ['201 entries', { custom_hotkeys: tooMany }, 'Cannot define more than 200 custom hotkeys'],
    ['an empty id', { custom_hotkeys: { '': { key: 'a' } } }, "Action key '' must be a non-empty string"],
    [
      'an id over 100 characters',
      { custom_hotkeys: { [`s:${'a'.repeat(99)}`]: { key: 'a' } } },
      `Action key 's:${'a'.repeat(99)}' is too long (max 100 characters)`,
    ],
    [
      'an id without a colon',
      { custom_hotkeys: { submit: { key: 'a' } } },
      "Action key 'submit' must be in 'section:action' format",
    ],
    [
      'a blank section',
      { custom_hotkeys: { ' :submit': { key: 'a' } } },
      "Action key ' :submit' must have non-empty section and action parts",
    ],
    [
      'a value that is not an object',
      { custom_hotkeys: { 'a:b': 'ctrl+s' } },
      "Hotkey data for 'a:b' must be a dictionary",
    ],
    ['no key', { custom_hotkeys: { 'a:b': { active: true } } }, "Missing 'key' in hotkey data for 'a:b'"],
    [
      'an empty key',
      { custom_hotkeys: { 'a:b': { key: '' } } },
      "Key combination for 'a:b' must be a non-empty string",
    ],
    [
      'a numeric key',
      { custom_hotkeys: { 'a:b': { key: 5 } } },
      "Key combination for 'a:b' must be a non-empty string",
    ],
    [
      'a key over 50 characters',
      { custom_hotkeys: { 'a:b': { key: 'a'.repeat(51) } } },
      "Key combination for 'a:b' is too long (max 50 characters)",
    ],
    [
      'a blocked combo',
      { custom_hotkeys: { 'a:b': { key: ' Ctrl+Alt+Delete ' } } },
      "Key combination ' Ctrl+Alt+Delete ' is not allowed for security reasons",
    ],
    [
      'a non-boolean active',
      { custom_hotkeys: { 'a:b': { key: 'a', active: 'yes' } } },
      "Active flag for 'a:b' must be a boolean",
    ],
    [
      'characters outside the allowed set',
      { custom_hotkeys: { 'a:b': { key: 'ctrl+é' } } },
      "Key combination 'ctrl+é' for 'a:b' contains invalid characters",
    ],
    [
      'a non-modifier part over 20 characters',
      { custom_hotkeys: { 'a:b': { key: `${'x'.repeat(21)}+a` } } },
      `Invalid modifier or key '${'x'.repeat(21)}' in key combination '${'x'.repeat(21)}+a'`,
    ],
  ])('refuses %s', async (_name, body, message) => {
    const before = (await ada.request('GET', '/api/current-user/hotkeys/')).json();
    expectHotkeysError(await patch(ada, body), message);
    expect((await ada.request('GET', '/api/current-user/hotkeys/')).json()).toEqual(before);
  });

  it("accepts near misses of blocked combos and the browser's key names", async () => {
    const map = {
      'a:space': { key: ' ' },
      'a:arrow': { key: 'ctrl+arrowleft' },
      'a:bang': { key: 'shift+!' },
      'a:alt-tab-ish': { key: 'alt+tab+x' },
      'a:meta': { key: 'meta+k' },
    };
    expect((await patch(ada, { custom_hotkeys: map })).json()).toEqual({ custom_hotkeys: map, hotkey_settings: {} });
  });

  it("refuses and accepts the combos the library's hotkey rules refuse and accept", async () => {
    const blocked = SERVER_BLOCKED_COMBOS.flatMap((combo) => [combo, ` ${combo.toUpperCase()} `]);
    const others = ['ctrl+alt+del', 'alt+f5', 'cmd+shift+z', 'ctrl+é', `${'x'.repeat(20)}+a`, `${'x'.repeat(21)}+a`];
    for (const key of [...blocked, ...others, 'a'.repeat(50), 'a'.repeat(51)]) {
      const custom_hotkeys = { 'a:b': { key } };
      const response = await patch(ada, { custom_hotkeys });
      expect(response.statusCode === 200, key).toBe(
        validateHotkeyOverrides(custom_hotkeys, labelStudioRules.hotkeys).ok,
      );
      if (blocked.includes(key)) {
        expectHotkeysError(response, `Key combination '${key}' is not allowed for security reasons`);
      }
    }
  });
});

describe('?project=<id>: a per-project override, as Label Studio keeps it', () => {
  const url = '/api/current-user/hotkeys/';
  const override = {
    'editor:save': { key: 'ctrl+shift+s', active: true },
    'editor:new': { key: 'ctrl+n', active: true },
  };
  const account = { 'editor:save': { key: 'ctrl+s', active: true } };
  let dana: Client;
  let projects: Array<{ id: number; title: string }>;
  let elsewhere: number;

  beforeAll(async () => {
    dana = server.as(server.addUser({ email: 'dana@example.com' }));
    projects = (await dana.request('GET', '/api/projects/')).json().results;
    const outsider = server.as(server.addUser({ email: 'eve@example.com', organizationTitle: 'Elsewhere' }));
    elsewhere = (await outsider.request('GET', '/api/projects/')).json().results[0].id;
    expect((await patch(dana, { custom_hotkeys: account })).statusCode).toBe(200);
  });

  const accountMap = async () => (await dana.request('GET', url)).json();

  it('answers an empty map for a project without an override', async () => {
    const response = await dana.request('GET', `${url}?project=${projects[0]!.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ custom_hotkeys: {} });
  });

  it('stores the override apart from the account map, per project and per user', async () => {
    const [first, second] = projects;
    const saved = await dana.request('PATCH', `${url}?project=${first!.id}`, { custom_hotkeys: override });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ custom_hotkeys: override });
    expect((await dana.request('GET', `${url}?project=${first!.id}`)).json()).toEqual({ custom_hotkeys: override });
    expect(await accountMap()).toEqual({ custom_hotkeys: account, hotkey_settings: {} });
    expect((await dana.request('GET', `${url}?project=${second!.id}`)).json()).toEqual({ custom_hotkeys: {} });
    expect((await ada.request('GET', `${url}?project=${first!.id}`)).json()).toEqual({ custom_hotkeys: {} });
  });

  it('deletes the override when {} is saved', async () => {
    const project = projects[2]!.id;
    await dana.request('PATCH', `${url}?project=${project}`, { custom_hotkeys: override });
    const emptied = await dana.request('PATCH', `${url}?project=${project}`, { custom_hotkeys: {} });
    expect(emptied.json()).toEqual({ custom_hotkeys: {} });
    const db = new Database(join(server.dataDir, 'label-studio.sqlite3'), { readonly: true });
    const rows = db.prepare('SELECT * FROM project_hotkeys WHERE project_id = ?').all(project);
    db.close();
    expect(rows).toEqual([]);
    expect(await accountMap()).toEqual({ custom_hotkeys: account, hotkey_settings: {} });
  });

  it('refuses a project that is not a canonical positive integer with 400, on GET too, and leaves the account map', async () => {
    const id = projects[0]!.id;
    for (const value of ['', 'abc', `+${id}`, `0${id}`, `%20${id}`, '0', '-1', '1.0']) {
      for (const method of ['GET', 'PATCH'] as const) {
        const response = await dana.request(
          method,
          `${url}?project=${value}`,
          method === 'PATCH' ? { custom_hotkeys: override } : undefined,
        );
        expectEnvelope(response, 400, 'Validation error', { project: 'Project must be an integer.' });
      }
    }
    expect(await accountMap()).toEqual({ custom_hotkeys: account, hotkey_settings: {} });
  });

  it('answers 404 for a project of another organization or none, writing nothing', async () => {
    for (const project of [elsewhere, 999_999]) {
      expectEnvelope(await dana.request('GET', `${url}?project=${project}`), 404, 'Not found.');
      const write = await dana.request('PATCH', `${url}?project=${project}`, { custom_hotkeys: override });
      expectEnvelope(write, 404, 'Not found.');
    }
    expect(await accountMap()).toEqual({ custom_hotkeys: account, hotkey_settings: {} });
  });

  it('validates the payload as it does the account map', async () => {
    const project = projects[1]!.id;
    const response = await dana.request('PATCH', `${url}?project=${project}`, {
      custom_hotkeys: { 'editor:save': { active: true } },
    });
    expectHotkeysError(response, "Missing 'key' in hotkey data for 'editor:save'");
    expect((await dana.request('GET', `${url}?project=${project}`)).json()).toEqual({ custom_hotkeys: {} });
  });
});
