import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import type { HotkeyDefinition, HotkeySection } from '../../src/core/hotkeys/types';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { AccountProvider } from '../../src/provider/account-provider';
import '../../src/styles.css';

const SUBMIT_BUTTON = 'Shortcut for Submit Annotation: Ctrl+Enter';

/** Two actions on Ctrl+K, the second off by default: switching it on makes a duplicate. */
const PAIR: HotkeyDefinition[] = [
  { id: '1', section: 'tools', element: 'brush', label: 'Brush', key: 'ctrl+k', description: 'Paint', active: true },
  { id: '2', section: 'tools', element: 'eraser', label: 'Eraser', key: 'ctrl+k', description: 'Erase', active: false },
];
const PAIR_SECTIONS: HotkeySection[] = [{ id: 'tools', title: 'Tools' }];

/** How many rows the list shows (a DOM count: role queries over hundreds of rows are slow). */
function shownRows(): number {
  return document.querySelectorAll('[data-slot="ras-hotkey-row"]:not([hidden])').length;
}

/** `count` actions in sections of 50, each in its own scope so that none conflict. */
function manyDefinitions(count: number): HotkeyDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i),
    section: `section-${Math.floor(i / 50)}`,
    element: `action-${i}`,
    label: `Action ${i}`,
    key: `ctrl+alt+shift+${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
    description: `Does thing ${i}`,
    scope: `scope-${i}`,
  }));
}

async function renderEditor(props: Parameters<typeof HotkeyEditor>[0] = {}, platform: 'mac' | 'other' = 'other') {
  const adapter = createMemoryAdapter();
  const screen = await render(
    <AccountProvider adapter={adapter} platform={platform}>
      <HotkeyEditor {...props} />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('searchbox', { name: 'Search shortcuts' })).toBeVisible();
  return { screen, adapter };
}

afterEach(async () => {
  await page.viewport(1280, 800);
});

describe('HotkeyEditor conflicts', () => {
  it("shows no 'Also used by' note on Label Studio's untouched defaults", async () => {
    const { screen } = await renderEditor();
    await expect.element(screen.getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    expect(shownRows()).toBe(labelStudioDefaultHotkeys.length);
    expect(document.body.textContent).not.toContain('Also used by');
  });

  it('shows a duplicate made by a switch on both rows until it is allowed', async () => {
    const { screen, adapter } = await renderEditor({ definitions: PAIR, sections: PAIR_SECTIONS });
    const brush = screen.getByRole('listitem', { name: 'Brush' });
    const eraser = screen.getByRole('listitem', { name: 'Eraser' });
    await userEvent.click(screen.getByRole('switch', { name: 'Enabled: Eraser' }));
    await expect.element(eraser).toHaveTextContent('Also used by Brush (Tools).');
    await expect.element(brush).toHaveTextContent('Also used by Eraser (Tools).');
    const save = screen.getByRole('button', { name: 'Save' });
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    await expect
      .element(save)
      .toHaveAccessibleDescription('Allow or undo the duplicate shortcut of Eraser before saving.');

    await userEvent.click(screen.getByRole('button', { name: 'Allow duplicate for Eraser' }));
    await expect.element(eraser).not.toHaveTextContent('Also used by');
    await expect.element(brush).not.toHaveTextContent('Also used by');
    await expect.element(save).toHaveAttribute('aria-disabled', 'false');
    await userEvent.click(save);
    await expect.element(screen.getByText('Shortcuts saved')).toBeVisible();
    expect(await adapter.getHotkeys()).toEqual({ 'tools:eraser': { key: 'ctrl+k', active: true } });
  });

  it('drops the notes when the duplicate is undone', async () => {
    const { screen } = await renderEditor({ definitions: PAIR, sections: PAIR_SECTIONS });
    const toggle = screen.getByRole('switch', { name: 'Enabled: Eraser' });
    await userEvent.click(toggle);
    await expect.element(screen.getByRole('listitem', { name: 'Brush' })).toHaveTextContent('Also used by Eraser');
    await userEvent.click(toggle);
    await expect.element(screen.getByRole('listitem', { name: 'Brush' })).not.toHaveTextContent('Also used by');
    await expect.element(screen.getByRole('listitem', { name: 'Eraser' })).not.toHaveTextContent('Also used by');
  });

  it('says in the status line that a recorded combo waits for Allow duplicate, and not that it is set', async () => {
    const { screen } = await renderEditor();
    await userEvent.click(screen.getByRole('button', { name: SUBMIT_BUTTON }));
    await userEvent.keyboard('{Control>}z{/Control}');
    const statusLine = screen.getByRole('status').first();
    await expect
      .element(statusLine)
      .toHaveTextContent('Ctrl+Z for Submit Annotation is waiting for “Allow duplicate”.');
    // No live region, the recorder's included, claims the change is done.
    const statuses = [...document.querySelectorAll('[role="status"], [aria-live]')].map((el) => el.textContent ?? '');
    expect(statuses.join(' ')).not.toMatch(/set to Ctrl\+Z/);

    // Save stays focusable, says it is unavailable, and says why in visible text.
    const save = screen.getByRole('button', { name: 'Save' });
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    await expect
      .element(save)
      .toHaveAccessibleDescription('Choose “Allow duplicate” or Cancel for Submit Annotation before saving.');
    await expect
      .element(screen.getByText('Choose “Allow duplicate” or Cancel for Submit Annotation before saving.'))
      .toBeVisible();
    (save.element() as HTMLElement).focus();
    await expect.element(save).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Allow duplicate' }));
    await expect
      .element(statusLine)
      .toHaveTextContent('Submit Annotation now uses Ctrl+Z as well, a duplicate you allowed.');
    await expect.element(save).toHaveAttribute('aria-disabled', 'false');
    await expect.element(save).not.toHaveAccessibleDescription(/./);
  });

  it('says why Save is unavailable on an editor without changes', async () => {
    const { screen } = await renderEditor();
    const save = screen.getByRole('button', { name: 'Save' });
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    await expect.element(save).toHaveAccessibleDescription('Nothing to save yet: no shortcut has changed.');
    await expect.element(screen.getByText('Nothing to save yet: no shortcut has changed.')).toBeVisible();
  });
});

describe('HotkeyEditor search', () => {
  it('finds "ctrl + z" and label words in any order, and announces the count', async () => {
    const { screen } = await renderEditor();
    const search = screen.getByRole('searchbox', { name: 'Search shortcuts' });
    await userEvent.fill(search, 'ctrl + z');
    await expect.poll(shownRows).toBe(2);
    await expect.element(screen.getByRole('listitem', { name: 'Undo' })).toBeVisible();
    await expect.element(screen.getByRole('listitem', { name: 'Redo' })).toBeVisible();
    await expect.element(screen.getByText('2 shortcuts')).toBeInTheDocument();

    await userEvent.fill(search, 'annotation submit');
    await expect.element(screen.getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    await expect.element(screen.getByRole('listitem', { name: 'Undo' })).not.toBeInTheDocument();

    await userEvent.fill(search, 'no such thing');
    await expect.element(screen.getByText('No shortcut matches “no such thing”.')).toBeVisible();
    expect(shownRows()).toBe(0);
    expect(screen.getByRole('listitem').all()).toHaveLength(0);
  });

  it('finds ⌘Z and "cmd z" on macOS', async () => {
    const definitions: HotkeyDefinition[] = [
      { id: '1', section: 's', element: 'undo', label: 'Undo', key: 'meta+z', active: true },
      { id: '2', section: 's', element: 'save', label: 'Save all', key: 'meta+s', active: true },
    ];
    const { screen } = await renderEditor({ definitions, sections: [{ id: 's', title: 'Edit' }] }, 'mac');
    const search = screen.getByRole('searchbox', { name: 'Search shortcuts' });
    for (const query of ['⌘Z', 'cmd z']) {
      await userEvent.fill(search, query);
      await expect.poll(shownRows, { message: query }).toBe(1);
      await expect.element(screen.getByRole('listitem', { name: 'Undo' })).toBeVisible();
    }
  });

  it('re-renders no row when the search of a 500-action editor clears, and shows every row again', async () => {
    const definitions = manyDefinitions(500);
    const renders = new Map<string, number>();
    function Counted() {
      const [onRowRender] = useState(() => (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1));
      return <HotkeyEditor definitions={definitions} sections={[]} onRowRender={onRowRender} />;
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Counted />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('listitem', { name: 'Action 499' })).toBeInTheDocument();
    const search = screen.getByRole('searchbox', { name: 'Search shortcuts' });
    await userEvent.fill(search, 'Action 123');
    await expect.poll(shownRows).toBe(1);
    await expect.element(screen.getByRole('listitem', { name: 'Action 123' })).toBeVisible();
    renders.clear();
    await userEvent.clear(search);
    await expect.poll(shownRows).toBe(500);
    await expect.element(screen.getByRole('listitem', { name: 'Action 499' })).toBeInTheDocument();
    expect(renders.size).toBe(0);
  });

  it('renders no row while typing a search either, and hides what it leaves out from screen readers', async () => {
    const definitions = manyDefinitions(500);
    const renders = new Map<string, number>();
    function Counted() {
      const [onRowRender] = useState(() => (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1));
      return <HotkeyEditor definitions={definitions} sections={[]} onRowRender={onRowRender} />;
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Counted />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('listitem', { name: 'Action 499' })).toBeInTheDocument();
    renders.clear();
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Search shortcuts' }), 'Action 12');
    // Action 12 and Action 120 to 129.
    await expect.poll(shownRows).toBe(11);
    expect(renders.size).toBe(0);
    await expect.element(screen.getByRole('listitem', { name: 'Action 129' })).toBeVisible();
    await expect.element(screen.getByRole('listitem', { name: 'Action 130' })).not.toBeInTheDocument();
  });
});

describe('HotkeyEditor layout', () => {
  it('keeps Save and Discard in sight while dirty, scrolled to the end of a long list', async () => {
    const { screen } = await renderEditor();
    await userEvent.click(screen.getByRole('switch', { name: 'Enabled: Submit Annotation' }));
    await expect.element(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'false');
    window.scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(() => window.scrollY).toBeGreaterThan(1000);
    for (const name of ['Save', 'Discard changes']) {
      const box = screen.getByRole('button', { name }).element().getBoundingClientRect();
      expect(box.top, name).toBeGreaterThanOrEqual(0);
      expect(box.bottom, name).toBeLessThanOrEqual(window.innerHeight);
    }
  });

  it('lets the bar scroll away with the list when there is nothing to save', async () => {
    const { screen } = await renderEditor();
    window.scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(() => window.scrollY).toBeGreaterThan(1000);
    expect(screen.getByRole('button', { name: 'Save' }).element().getBoundingClientRect().bottom).toBeLessThan(0);
  });

  it('lays off-screen rows out lazily with CSS containment, keeping them in the DOM', async () => {
    const { screen } = await renderEditor();
    const row = screen.getByRole('listitem', { name: 'Submit Annotation' }).element();
    expect(getComputedStyle(row).contentVisibility).toBe('auto');
    // Still in the document and in the accessibility tree, so find in page and screen readers reach it.
    await expect.element(screen.getByRole('listitem', { name: 'Exit Region Mode' })).toBeInTheDocument();
    expect(shownRows()).toBe(labelStudioDefaultHotkeys.length);
  });

  it('skips whole off-screen sections the same way, and their rows stay reachable by name and by Tab', async () => {
    const definitions = manyDefinitions(500);
    const sections = Array.from({ length: 10 }, (_, n) => ({ id: `section-${n}`, title: `Section ${n + 1}` }));
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <HotkeyEditor definitions={definitions} sections={sections} />
      </AccountProvider>,
    );
    const last = screen.getByRole('region', { name: 'Section 10' });
    await expect.element(last).toBeInTheDocument();
    expect(getComputedStyle(last.element()).contentVisibility).toBe('auto');
    // The last row of the last section, far below the fold: in the accessibility tree, and focusable.
    const lastSwitch = screen.getByRole('switch', { name: 'Enabled: Action 499' });
    await expect.element(lastSwitch).toBeInTheDocument();
    (lastSwitch.element() as HTMLElement).focus();
    await userEvent.tab();
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Action 499: Ctrl+Shift+Alt+F' }))
      .toHaveFocus();
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Action 499: Ctrl+Shift+Alt+F' }))
      .toBeVisible();
  });

  it('fits a 390 px screen without scrolling sideways, with a pending duplicate open', async () => {
    await page.viewport(390, 800);
    const { screen } = await renderEditor();
    await userEvent.click(screen.getByRole('button', { name: SUBMIT_BUTTON }));
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.element(screen.getByRole('button', { name: 'Allow duplicate' })).toBeVisible();
    await userEvent.click(screen.getByRole('switch', { name: 'Enabled: Undo' }));
    // Walk the list so every row has been laid out for real (content-visibility skips off-screen ones).
    for (const item of document.querySelectorAll('[data-slot="ras-hotkey-row"]')) item.scrollIntoView();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    const results = await axe.run(screen.container);
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
