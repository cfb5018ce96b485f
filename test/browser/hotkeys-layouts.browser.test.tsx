import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import type { HotkeyDefinition } from '../../src/core/hotkeys/types';
import { useHotkeys } from '../../src/hooks/use-hotkeys';
import { AccountProvider } from '../../src/provider/account-provider';
import {
  AZERTY,
  DVORAK,
  QWERTZ,
  RUSSIAN,
  US,
  functionKey,
  pressKey,
  type KeyModifier,
  type LayoutKey,
  type NamedKey,
} from '../support/keyboard-layouts';

const SUBMIT = 'annotation:submit';
const definitions: readonly HotkeyDefinition[] = [
  { id: SUBMIT, section: 'annotation', element: 'submit', label: 'Submit', key: 'ctrl+enter' },
];

/** A recorder for one action beside the app's runtime, which counts how often the action ran. */
function RecordAndRun() {
  const [key, setKey] = useState('ctrl+enter');
  const [runs, setRuns] = useState(0);
  useHotkeys(
    { [SUBMIT]: () => setRuns((count) => count + 1) },
    {
      definitions,
      overrides: { [SUBMIT]: { key, active: true } },
    },
  );
  return (
    <>
      <HotkeyRecorder actionLabel="Submit" value={key} onRecord={({ combo }) => setKey(combo)} />
      <p>Submitted {runs} times</p>
      <p>Stored as {key}</p>
    </>
  );
}

/**
 * The runtime must fire on exactly the press the recorder recorded, on every layout: both read
 * the press with the same rule (what the key prints, the way `keyCode` does).
 */
describe('a shortcut recorded on a layout fires on the same key there (useHotkeys)', () => {
  it.each<[string, LayoutKey | NamedKey, KeyModifier[], string, LayoutKey]>([
    ['US: Ctrl+K', US.keys.k!, ['Control'], 'ctrl+k', US.keys.j!],
    ['AZERTY: the key printed A (at KeyQ)', AZERTY.keys.a!, [], 'a', AZERTY.keys.q!],
    ['QWERTZ: Ctrl and the key printed Z (at KeyY)', QWERTZ.keys.z!, ['Control'], 'ctrl+z', QWERTZ.keys.y!],
    ['Dvorak: the key printed O (at KeyS)', DVORAK.keys.o!, [], 'o', DVORAK.keys.s!],
    ['Russian: й (at the US Q)', RUSSIAN.keys['й']!, [], 'q', RUSSIAN.keys['ф']!],
    [
      'AZERTY: Shift and the key that types & (1 with Shift)',
      AZERTY.keys['1']!,
      ['Shift'],
      'shift+1',
      AZERTY.keys['2']!,
    ],
    ['F13', functionKey(13), [], 'f13', US.keys.f!],
  ])('%s', async (_name, key, modifiers, combo, otherKey) => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <RecordAndRun />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Shortcut for Submit/ }));
    await expect.element(screen.getByRole('button', { name: /^Press a shortcut/ })).toHaveFocus();
    await pressKey(key, modifiers);
    await expect.element(screen.getByText(`Stored as ${combo}`)).toBeVisible();
    // Recording the press ran nothing; the same press afterwards runs the action once.
    await expect.element(screen.getByText('Submitted 0 times')).toBeVisible();
    (document.activeElement as HTMLElement | null)?.blur();
    await pressKey(key, modifiers);
    await expect.element(screen.getByText('Submitted 1 times')).toBeVisible();
    // The key at the other position (or another key) does not.
    await pressKey(otherKey, modifiers);
    await pressKey(key, modifiers);
    await expect.element(screen.getByText('Submitted 2 times')).toBeVisible();
  });
});
