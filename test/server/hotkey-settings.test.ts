// @vitest-environment node
// Reference server: `hotkey_settings` stored beside `custom_hotkeys` on /api/current-user/hotkeys/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Client, type TestServer } from './harness';

let server: TestServer;
let ada: Client;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com' }));
});
afterAll(() => server.close());

const url = '/api/current-user/hotkeys/';
const map = { 'annotation:submit': { key: 'ctrl+shift+s', active: true } };

describe('hotkey_settings', () => {
  it('answers {} for a new user and stores a PATCH of the settings alone without touching the map', async () => {
    expect((await ada.request('GET', url)).json()).toEqual({ custom_hotkeys: {}, hotkey_settings: {} });
    expect((await ada.request('PATCH', url, { custom_hotkeys: map })).statusCode).toBe(200);

    const saved = await ada.request('PATCH', url, { hotkey_settings: { autoTranslatePlatforms: true } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ custom_hotkeys: map, hotkey_settings: { autoTranslatePlatforms: true } });
    expect((await ada.request('GET', url)).json()).toEqual({
      custom_hotkeys: map,
      hotkey_settings: { autoTranslatePlatforms: true },
    });
  });

  it('keeps the settings when the map alone is saved', async () => {
    await ada.request('PATCH', url, { hotkey_settings: { autoTranslatePlatforms: false } });
    const saved = await ada.request('PATCH', url, { custom_hotkeys: {} });
    expect(saved.json()).toEqual({ custom_hotkeys: {}, hotkey_settings: { autoTranslatePlatforms: false } });
    expect((await ada.request('GET', url)).json().hotkey_settings).toEqual({ autoTranslatePlatforms: false });
  });

  it.each([[[1, 2]], ['on'], [null], [Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]))]])(
    'refuses %j and keeps what was stored',
    async (settings) => {
      await ada.request('PATCH', url, { hotkey_settings: { kept: 1 } });
      const response = await ada.request('PATCH', url, { hotkey_settings: settings });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.hotkey_settings).toHaveLength(1);
      expect((await ada.request('GET', url)).json().hotkey_settings).toEqual({ kept: 1 });
    },
  );

  it('refuses settings sent for a project, which has no settings of its own', async () => {
    const projects = (await ada.request('GET', '/api/projects/')).json() as { results: { id: number }[] };
    const project = projects.results[0]!.id;
    const response = await ada.request('PATCH', `${url}?project=${project}`, { hotkey_settings: { a: 1 } });
    expect(response.statusCode).toBe(400);
    expect((await ada.request('GET', `${url}?project=${project}`)).json()).toEqual({ custom_hotkeys: {} });
  });
});
