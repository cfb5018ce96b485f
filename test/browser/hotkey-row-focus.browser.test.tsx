import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import type { HotkeyDefinition, HotkeySection } from '../../src/core/hotkeys/types';
import { AccountProvider } from '../../src/provider/account-provider';
import '../../src/styles.css';

/** Two actions on Ctrl+K, the second off by default: switching it on makes a duplicate. */
const PAIR: HotkeyDefinition[] = [
  { id: '1', section: 'tools', element: 'brush', label: 'Brush', key: 'ctrl+k', description: 'Paint', active: true },
  { id: '2', section: 'tools', element: 'eraser', label: 'Eraser', key: 'ctrl+k', description: 'Erase', active: false },
];
const SECTIONS: HotkeySection[] = [{ id: 'tools', title: 'Tools' }];

async function renderPair() {
  const screen = await render(
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <HotkeyEditor definitions={PAIR} sections={SECTIONS} />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('listitem', { name: 'Eraser' })).toBeVisible();
  return screen;
}

describe('HotkeyEditor: focus after a row action removes its button', () => {
  it("puts focus on the row's recorder after Allow duplicate, never on <body>", async () => {
    const screen = await renderPair();
    await userEvent.click(screen.getByRole('switch', { name: 'Enabled: Eraser' }));
    const allow = screen.getByRole('button', { name: 'Allow duplicate for Eraser' });
    await userEvent.click(allow);
    await expect.element(allow).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Eraser: Ctrl+K' })).toHaveFocus();
  });

  it("puts focus on the row's recorder after Reset", async () => {
    const screen = await renderPair();
    await userEvent.click(screen.getByRole('switch', { name: 'Enabled: Eraser' }));
    const reset = screen.getByRole('button', { name: 'Reset Eraser to Ctrl+K' });
    await userEvent.click(reset);
    await expect.element(reset).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Eraser: Ctrl+K' })).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
  });
});
