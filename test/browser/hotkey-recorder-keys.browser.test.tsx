import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyRecorder, type HotkeyRecorderProps } from '../../src/components/hotkey-recorder';
import type { HotkeyPlatform } from '../../src/core/hotkeys/types';
import { AccountProvider } from '../../src/provider/account-provider';
import {
  AZERTY,
  DVORAK,
  NAMED_KEYS,
  QWERTZ,
  RUSSIAN,
  US,
  functionKey,
  pressKey,
  type KeyModifier,
  type LayoutKey,
  type NamedKey,
} from '../support/keyboard-layouts';

const PROMPT = 'Press a shortcut… (Esc cancels, Tab leaves)';

/** Renders a recorder between two buttons and starts recording it. */
async function startRecording(props: Partial<HotkeyRecorderProps> = {}, platform: HotkeyPlatform = 'other') {
  const onRecord = vi.fn();
  const screen = await render(
    <AccountProvider adapter={createMemoryAdapter()} platform={platform}>
      <button type="button">Before</button>
      <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" onRecord={onRecord} {...props} />
      <button type="button">After</button>
    </AccountProvider>,
  );
  await userEvent.click(screen.getByRole('button', { name: /^Shortcut for Submit/ }));
  const recording = screen.getByRole('button', { name: PROMPT });
  await expect.element(recording).toHaveFocus();
  return { screen, onRecord, recording };
}

describe('HotkeyRecorder with real key events on five layouts', () => {
  it.each<[string, LayoutKey | NamedKey, KeyModifier[], string, string]>([
    ['US: the A key', US.keys.a!, [], 'a', 'A'],
    ['AZERTY: the key printed A (at KeyQ)', AZERTY.keys.a!, [], 'a', 'A'],
    ['AZERTY: the key printed Q (at KeyA)', AZERTY.keys.q!, [], 'q', 'Q'],
    ['QWERTZ: Ctrl and the key printed Z (at KeyY)', QWERTZ.keys.z!, ['Control'], 'ctrl+z', 'Ctrl+Z'],
    ['Dvorak: the key at KeyS, printed O', DVORAK.keys.o!, [], 'o', 'O'],
    ['AZERTY: the comma key (at KeyM)', AZERTY.keys[',']!, [], ',', ','],
    ['Dvorak: the comma key (at KeyW)', DVORAK.keys[',']!, [], ',', ','],
    ['Dvorak: Ctrl and the key printed S (at Semicolon)', DVORAK.keys.s!, ['Control'], 'ctrl+s', 'Ctrl+S'],
    ['Russian: й, at the US Q', RUSSIAN.keys['й']!, [], 'q', 'Q'],
    ['Russian: Ctrl+я, at the US Z', RUSSIAN.keys['я']!, ['Control'], 'ctrl+z', 'Ctrl+Z'],
    ['US: Shift+1 (types !)', US.keys['1']!, ['Shift'], 'shift+1', 'Shift+1'],
    ['AZERTY: Shift+1 (the key that types & unshifted)', AZERTY.keys['1']!, ['Shift'], 'shift+1', 'Shift+1'],
    ['QWERTZ: Shift+1 (types !)', QWERTZ.keys['1']!, ['Shift'], 'shift+1', 'Shift+1'],
    ['Russian: Shift+1 (types !)', RUSSIAN.keys['1']!, ['Shift'], 'shift+1', 'Shift+1'],
    ['US: Shift+/ (types ?)', US.keys['/']!, ['Shift'], 'shift+/', 'Shift+/'],
    ['F13', functionKey(13), [], 'f13', 'F13'],
    ['Shift+F19', functionKey(19), ['Shift'], 'shift+f19', 'Shift+F19'],
    ['Insert', NAMED_KEYS.Insert, [], 'insert', 'Insert'],
    ['Backspace', NAMED_KEYS.Backspace, [], 'backspace', 'Backspace'],
    ['Delete', NAMED_KEYS.Delete, [], 'delete', 'Delete'],
    ['Ctrl+Backspace', NAMED_KEYS.Backspace, ['Control'], 'ctrl+backspace', 'Ctrl+Backspace'],
  ])('records %s', async (_name, key, modifiers, combo, shown) => {
    const { screen, onRecord } = await startRecording();
    await pressKey(key, modifiers);
    await expect.element(screen.getByRole('button', { name: `Shortcut for Submit: ${shown}` })).toHaveFocus();
    await expect.element(screen.getByRole('status')).toHaveTextContent(`Shortcut for Submit set to ${shown}.`);
    expect(onRecord).toHaveBeenLastCalledWith(expect.objectContaining({ combo, display: shown }));
  });

  it('records Backspace and Delete even where the shortcut may be cleared', async () => {
    const { screen, recording } = await startRecording({ allowEmpty: true });
    await pressKey(NAMED_KEYS.Backspace);
    const button = screen.getByRole('button', { name: 'Shortcut for Submit: Backspace' });
    await expect.element(button).toHaveFocus();
    await userEvent.click(button);
    await expect.element(recording).toHaveFocus();
    await pressKey(NAMED_KEYS.Delete);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Delete' })).toHaveFocus();
  });

  it('ignores the modifiers pressed on their own before the key', async () => {
    const { screen } = await startRecording();
    await pressKey(US.keys.k!, ['Control', 'Alt', 'Shift']);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Shift+Alt+K' })).toBeVisible();
  });
});

describe('HotkeyRecorder: leaving and cancelling', () => {
  it('leaves recording on Tab without a change, and focus moves on', async () => {
    const { screen, onRecord, recording } = await startRecording();
    await pressKey(NAMED_KEYS.Tab);
    await expect.element(screen.getByRole('button', { name: 'Type shortcut' })).toHaveFocus();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
    await expect.element(recording).not.toBeInTheDocument();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Recording cancelled.');
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('leaves recording on Shift+Tab without a change, and focus moves back', async () => {
    const { screen, onRecord } = await startRecording();
    await pressKey(NAMED_KEYS.Tab, ['Shift']);
    await expect.element(screen.getByRole('button', { name: 'Before' })).toHaveFocus();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('cancels on Escape, keeping focus and the old shortcut', async () => {
    const { screen, onRecord } = await startRecording();
    await pressKey(NAMED_KEYS.Escape);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toHaveFocus();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Recording cancelled.');
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('says while recording how to cancel, how to leave, and how to set Escape itself', async () => {
    const { recording } = await startRecording();
    await expect.element(recording).toHaveTextContent(PROMPT);
    await expect
      .element(recording)
      .toHaveAccessibleDescription('To use Esc itself as the shortcut, choose "Type shortcut".');
  });

  it('sets Escape itself through "Type shortcut"', async () => {
    const { screen, onRecord } = await startRecording();
    await pressKey(NAMED_KEYS.Escape);
    await userEvent.click(screen.getByRole('button', { name: 'Type shortcut' }));
    await userEvent.fill(screen.getByRole('textbox', { name: 'Shortcut for Submit, typed' }), 'escape');
    await pressKey(NAMED_KEYS.Enter);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Esc' })).toBeVisible();
    expect(onRecord).toHaveBeenLastCalledWith(expect.objectContaining({ combo: 'escape' }));
  });
});

describe('HotkeyRecorder: clearing', () => {
  it('clears with its own control, announced, and keeps focus on the recorder', async () => {
    const onValueChange = vi.fn();
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" allowEmpty onValueChange={onValueChange} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear shortcut for Submit' }));
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: none' })).toHaveFocus();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Shortcut for Submit cleared.');
    await expect.element(screen.getByRole('button', { name: 'Clear shortcut for Submit' })).not.toBeInTheDocument();
    expect(onValueChange).toHaveBeenLastCalledWith('');
  });

  it('offers no Clear control where the shortcut may not be empty', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
    expect(screen.container.querySelectorAll('button')).toHaveLength(2);
    await expect.element(screen.getByRole('button', { name: /^Clear/ })).not.toBeInTheDocument();
  });
});

describe('HotkeyRecorder messages show combos as the platform does', () => {
  it('names a refused combo as "Alt+F4" elsewhere', async () => {
    const { screen } = await startRecording();
    await pressKey(functionKey(4), ['Alt']);
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent("Alt+F4 is kept by the operating system, so it can't be used as a shortcut.");
  });

  it('names a refused combo with symbols on macOS', async () => {
    const { screen } = await startRecording({ defaultValue: 'meta+enter' }, 'mac');
    await pressKey(NAMED_KEYS.Tab, ['Meta']);
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent("⌘⇥ is kept by the operating system, so it can't be used as a shortcut.");
  });

  it('names a combo the browser may catch as "Ctrl+T" in the warning', async () => {
    const { screen } = await startRecording();
    await pressKey(US.keys.t!, ['Control']);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+T' })).toBeVisible();
    await expect.element(screen.getByText(/The browser may catch Ctrl\+T first/)).toBeVisible();
  });
});

describe('HotkeyRecorder live region', () => {
  it('puts its live region in place when the user reaches the recorder, before it announces anything', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <button type="button">Before</button>
        <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Before' })).toBeVisible();
    // Not yet reached: no live region (a list of 2000 recorders holds no 2000 empty ones).
    expect(screen.container.querySelector('[role="status"]')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Before' }));
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toHaveFocus();
    // Reached: the region is there and still empty, so what comes next is announced as a change.
    await expect.element(screen.getByRole('status')).toBeInTheDocument();
    expect(screen.getByRole('status').element().textContent).toBe('');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Recording');
  });
});
