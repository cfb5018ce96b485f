// @vitest-environment node
// The Label Studio adapter's hotkey map against the reference server on loopback: ⌘ is stored as
// `command` (keymaster, Label Studio's editor runtime, knows no `meta` or `cmd`), `meta`, `cmd`
// and `command` all read back as `meta`, and overrides for actions we don't know survive a save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBindings, toOverrides } from '../../src/core/hotkeys/bindings';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
let accounts = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
});

afterAll(() => server.close());

/** A fresh user, the adapter signed in as them, and a raw client that reads what the server stored. */
function signedIn() {
  const n = ++accounts;
  const user = server.addUser({ email: `keys-${n}@example.com` });
  const adapter = createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: user.token } });
  const raw = server.as(user);
  const stored = async () => (await raw.request('GET', '/api/current-user/hotkeys/')).json().custom_hotkeys;
  return { adapter, raw, stored };
}

describe('Label Studio adapter hotkeys', () => {
  it('stores ⌘ as command and reads it back as meta', async () => {
    const { adapter, stored } = signedIn();
    const overrides = {
      'annotation:annotation:submit': { key: 'meta+enter', active: true },
      'annotation:annotation:undo': { key: 'ctrl+shift+meta+z', active: false, description: 'Undo' },
      'annotation:annotation:redo': { key: 'ctrl+y', active: true },
    };
    expect(await adapter.saveHotkeys!(overrides)).toEqual(overrides);
    expect(await stored()).toEqual({
      'annotation:annotation:submit': { key: 'command+enter', active: true },
      'annotation:annotation:undo': { key: 'ctrl+shift+command+z', active: false, description: 'Undo' },
      'annotation:annotation:redo': { key: 'ctrl+y', active: true },
    });
    expect(await adapter.getHotkeys!()).toEqual(overrides);
  });

  it('reads meta, cmd and command alike', async () => {
    const { adapter, raw } = signedIn();
    const response = await raw.request('PATCH', '/api/current-user/hotkeys/', {
      custom_hotkeys: {
        'a:meta': { key: 'meta+k' },
        'a:cmd': { key: 'cmd+k' },
        'a:command': { key: 'command+k' },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await adapter.getHotkeys!()).toEqual({
      'a:meta': { key: 'meta+k' },
      'a:cmd': { key: 'meta+k' },
      'a:command': { key: 'meta+k' },
    });
  });

  it("keeps an override for a section the editor doesn't know through an edit and a save", async () => {
    const { adapter, raw, stored } = signedIn();
    const zoom = { key: 'command+=', active: true, description: 'Zoom in' };
    await raw.request('PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: { 'zoomed_image:zoom:in': zoom } });

    const before = await adapter.getHotkeys!();
    const edited = resolveBindings(labelStudioDefaultHotkeys, before).map((binding) =>
      binding.id === 'annotation:annotation:submit' ? { ...binding, key: 'meta+enter' } : binding,
    );
    await adapter.saveHotkeys!(toOverrides(edited, before));
    expect(await stored()).toEqual({
      'zoomed_image:zoom:in': zoom,
      'annotation:annotation:submit': { key: 'command+enter', active: true },
    });
  });
});
