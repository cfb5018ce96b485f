import { describe, expect, it } from 'vitest';
import type { HotkeyOverrides } from '../../src/adapters/types';
import { parseCombo } from '../../src/core/hotkeys/combo';
import {
  fromLabelStudioHotkeys,
  fromLabelStudioKey,
  toLabelStudioHotkeys,
  toLabelStudioKey,
} from '../../src/label-studio/adapter/hotkey-keys';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';

describe("the Label Studio adapter's ⌘", () => {
  it.each([
    ['meta+enter', 'command+enter'],
    ['ctrl+shift+meta+z', 'ctrl+shift+command+z'],
    ['cmd+k', 'command+k'],
    ['Meta + K', 'command + K'],
    ['meta+z, cmd+y', 'command+z, command+y'],
    ['ctrl+z', 'ctrl+z'],
  ])('writes %j as %j, the name keymaster knows', (ours, stored) => {
    expect(toLabelStudioKey(ours)).toBe(stored);
  });

  it.each(['meta+enter', 'cmd+enter', 'command+enter', 'Command+Enter', '⌘+enter'])(
    'reads %j as meta+enter',
    (stored) => {
      expect(fromLabelStudioKey(stored).toLowerCase()).toBe('meta+enter');
    },
  );

  it('leaves a key named like a modifier alone when it is the key itself', () => {
    expect(toLabelStudioKey('meta')).toBe('meta');
    expect(fromLabelStudioKey('command')).toBe('command');
  });

  it('round-trips every combo it writes back to the same normalized combo', () => {
    for (const combo of ['meta+enter', 'ctrl+alt+meta+shift+f13', 'meta+shift+/', 'meta+plus', 'meta+,']) {
      const back = fromLabelStudioKey(toLabelStudioKey(combo));
      expect(parseCombo(back)).toEqual(parseCombo(combo));
    }
  });

  it('maps only keys, keeping ids and every other field', () => {
    const ours: HotkeyOverrides = {
      'annotation:annotation:submit': { key: 'meta+enter', active: false, description: 'Send' },
      'zoomed_image:zoom:in': { key: 'shift+=' },
    };
    const stored = toLabelStudioHotkeys(ours);
    expect(stored).toEqual({
      'annotation:annotation:submit': { key: 'command+enter', active: false, description: 'Send' },
      'zoomed_image:zoom:in': { key: 'shift+=' },
    });
    expect(fromLabelStudioHotkeys(stored)).toEqual(ours);
    expect(fromLabelStudioHotkeys(null)).toEqual({});
    const odd = fromLabelStudioHotkeys(JSON.parse('{"__proto__": {"key": "cmd+x"}}') as HotkeyOverrides);
    expect(Object.hasOwn(odd, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });

  it('sends command and hands back meta through the adapter', async () => {
    let body: unknown;
    const fetchImpl: typeof fetch = async (input, init) => {
      if (init?.method === 'PATCH') body = JSON.parse(String(init.body));
      const answer =
        init?.method === 'PATCH' ? body : { custom_hotkeys: { 'a:b': { key: 'cmd+b' }, 'a:c': { key: 'command+c' } } };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const adapter = createLabelStudioAdapter({
      baseUrl: 'https://label.example.com',
      auth: { type: 'token', token: 'secret' },
      fetch: fetchImpl,
    });
    const saved = await adapter.saveHotkeys!({ 'a:b': { key: 'meta+b' } });
    expect(body).toEqual({ custom_hotkeys: { 'a:b': { key: 'command+b' } } });
    expect(saved).toEqual({ 'a:b': { key: 'meta+b' } });
    expect(await adapter.getHotkeys!()).toEqual({ 'a:b': { key: 'meta+b' }, 'a:c': { key: 'meta+c' } });
  });
});
