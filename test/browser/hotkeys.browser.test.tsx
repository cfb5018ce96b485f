import axe from 'axe-core';
import { Profiler, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import { useHotkeys } from '../../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import type { HotkeyDefinition } from '../../src/core/hotkeys/types';
import { AccountProvider } from '../../src/provider/account-provider';

// Three of Label Studio's actions keep these pages small, so a busy machine renders them quickly.
const FEW = labelStudioDefaultHotkeys.filter((definition) =>
  ['annotation:submit', 'annotation:undo', 'annotation:redo'].includes(definition.element),
);

const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';

async function renderRecorder(defaultValue = 'ctrl+enter', blockedCombos?: readonly string[]) {
  const onRecord = vi.fn();
  const screen = await render(
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <HotkeyRecorder
        actionLabel="Submit"
        defaultValue={defaultValue}
        onRecord={onRecord}
        {...(blockedCombos ? { blockedCombos } : {})}
      />
    </AccountProvider>,
  );
  const button = screen.getByRole('button', { name: /^Shortcut for Submit/ });
  await userEvent.click(button);
  await expect
    .element(screen.getByRole('button', { name: 'Press a shortcut… (Esc cancels, Tab leaves)' }))
    .toHaveFocus();
  return { screen, onRecord };
}

describe('HotkeyRecorder in Chromium', () => {
  it('records Ctrl+Shift+K as ctrl+shift+k', async () => {
    const { screen, onRecord } = await renderRecorder();
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    expect(onRecord).toHaveBeenLastCalledWith({ combo: 'ctrl+shift+k', display: 'Ctrl+Shift+K' });
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Shift+K' })).toBeVisible();
  });

  it('records Shift+1 as shift+1, not shift+!', async () => {
    const { onRecord } = await renderRecorder();
    await userEvent.keyboard('{Shift>}1{/Shift}');
    expect(onRecord).toHaveBeenLastCalledWith(expect.objectContaining({ combo: 'shift+1' }));
  });

  it('records the key under Q on a Russian layout (key й, code KeyQ) as q', async () => {
    const { onRecord } = await renderRecorder();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'й', code: 'KeyQ', bubbles: true }));
    expect(onRecord).toHaveBeenLastCalledWith(expect.objectContaining({ combo: 'q' }));
  });

  it('ignores a modifier pressed on its own and keeps recording', async () => {
    const { screen, onRecord } = await renderRecorder();
    await userEvent.keyboard('{Shift}{Control}{Alt}');
    expect(onRecord).not.toHaveBeenCalled();
    await expect
      .element(screen.getByRole('button', { name: 'Press a shortcut… (Esc cancels, Tab leaves)' }))
      .toBeVisible();
  });

  it('cancels on Escape and keeps the old combo', async () => {
    const { screen, onRecord } = await renderRecorder();
    await userEvent.keyboard('{Escape}');
    expect(onRecord).not.toHaveBeenCalled();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
  });

  it('refuses a combo the operating system keeps, with the reason', async () => {
    const { screen, onRecord } = await renderRecorder();
    await userEvent.keyboard('{Alt>}{F4}{/Alt}');
    expect(onRecord).not.toHaveBeenCalled();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/alt\+f4/i);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
  });

  it("refuses the backend's own blocked combos instead of the default ones when given them", async () => {
    const { screen } = await renderRecorder('ctrl+enter', ['ctrl+k']);
    await userEvent.keyboard('{Control>}k{/Control}');
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/ctrl\+k/i);
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
  });

  it('records alt+f4 for a backend that blocks nothing', async () => {
    const { screen } = await renderRecorder('ctrl+enter', []);
    await userEvent.keyboard('{Alt>}{F4}{/Alt}');
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit: Alt+F4' })).toBeVisible();
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('accepts a typed combo for keys recording cannot capture', async () => {
    const onRecord = vi.fn();
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="mac">
        <HotkeyRecorder actionLabel="Exit" onRecord={onRecord} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Type shortcut' }));
    await userEvent.fill(screen.getByRole('textbox', { name: 'Shortcut for Exit, typed' }), 'cmd+Esc');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onRecord).toHaveBeenLastCalledWith({ combo: 'meta+escape', display: '⌘⎋' });
  });
});

function Host({ onSubmit, onUndo }: { onSubmit: () => void; onUndo: () => void }) {
  useHotkeys({ [SUBMIT]: onSubmit, [UNDO]: onUndo }, { definitions: FEW });
  return null;
}

describe('HotkeyEditor with useHotkeys in Chromium', () => {
  it('shows a conflict on both rows and applies it only after Allow duplicate', async () => {
    const adapter = createMemoryAdapter();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <HotkeyEditor definitions={FEW} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Enter' }));
    await userEvent.keyboard('{Control>}z{/Control}');
    const question = screen.getByRole('alert');
    await expect
      .element(question)
      .toHaveTextContent('Ctrl+Z is already used by Undo (Annotation Actions). Use it here too?');
    const undoRow = screen.getByRole('listitem', { name: 'Undo' });
    await expect.element(undoRow).toHaveTextContent('Also used by Submit Annotation (Annotation Actions).');
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Enter' }))
      .toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Allow duplicate' }));
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Z' })).toBeVisible();
    // An allowed duplicate is settled: neither row keeps a note about it.
    await expect.element(undoRow).not.toHaveTextContent('Also used by');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByRole('status').first()).toHaveTextContent('Shortcuts saved');
    expect(await adapter.getHotkeys()).toEqual({ [SUBMIT]: { key: 'ctrl+z', active: true } });
  });

  it('runs the new binding after Save, and the old combo no longer does', async () => {
    const onSubmit = vi.fn();
    const onUndo = vi.fn();
    const adapter = createMemoryAdapter();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <Host onSubmit={onSubmit} onUndo={onUndo} />
        <HotkeyEditor definitions={FEW} />
      </AccountProvider>,
    );
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Enter' }))
      .toBeVisible();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Enter' }));
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    // While the new combo is unsaved, the saved one still applies; recording itself ran nothing.
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByRole('status').first()).toHaveTextContent('Shortcuts saved');

    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('does not run bindings while typing in a text field or while recording', async () => {
    const onUndo = vi.fn();
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Host onSubmit={() => {}} onUndo={onUndo} />
        <HotkeyEditor definitions={FEW} />
      </AccountProvider>,
    );
    const search = screen.getByRole('searchbox', { name: 'Search shortcuts' });
    await userEvent.click(search);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onUndo).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Redo: Ctrl+Shift+Z' }));
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onUndo).not.toHaveBeenCalled();

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('runs an opted-in action while typing, not the others, and a held key only once', async () => {
    const onSubmit = vi.fn();
    const onUndo = vi.fn();
    function TypingHost() {
      useHotkeys({ [SUBMIT]: onSubmit, [UNDO]: onUndo }, { definitions: FEW, enableInTextFields: [SUBMIT] });
      return <input aria-label="Note" />;
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <TypingHost />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('textbox', { name: 'Note' }));
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onUndo).not.toHaveBeenCalled();

    (document.activeElement as HTMLElement).blur();
    // Holding Z: one keydown, then the browser's repeats (event.repeat), which run nothing.
    await userEvent.keyboard('{Control>}{z>4}{/Control}');
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('lists every problem of an invalid import and leaves the map unchanged', async () => {
    const adapter = createMemoryAdapter();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <HotkeyEditor definitions={FEW} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const json = JSON.stringify({
      hotkeys: [
        {
          id: '100',
          section: 'annotation',
          element: 'annotation:submit',
          label: 'Submit',
          key: 'ctrl+foo',
          active: true,
        },
        { id: '300', section: 'annotation', element: 'annotation:undo', label: 'Undo', key: 'alt+f4', active: 'yes' },
        { id: '400', section: 'annotation', label: 'Redo', key: 'ctrl+y' },
      ],
    });
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), json);
    await expect.element(dialog.getByText('3 problems must be fixed:')).toBeVisible();
    const items = dialog.getByRole('listitem');
    // Each message names its entry once ("Entry 2: …", not "Entry 2, key: Entry 2: …").
    expect(items.elements().map((element) => element.textContent)).toEqual([
      'Entry 2: "active" must be true or false.',
      "Entry 2: Alt+F4 is kept by the operating system, so it can't be used as a shortcut.",
      'Entry 3 has no "element".',
      'Entry 1: the shortcut "ctrl+foo" for "Submit Annotation" is skipped. "foo" is not a key name.',
    ]);
    await expect.element(dialog.getByRole('button', { name: 'Apply' })).toHaveAttribute('aria-disabled', 'true');
    expect((await axe.run(dialog.element())).violations).toEqual([]);
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect.element(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    expect(await adapter.getHotkeys()).toEqual({});
  });

  it('previews a valid import and applies it as unsaved changes', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <HotkeyEditor definitions={FEW} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const json = JSON.stringify([
      {
        id: '100',
        section: 'annotation',
        element: 'annotation:submit',
        label: 'Submit',
        key: 'ctrl+shift+enter',
        active: true,
      },
      { id: '9', section: 'annotation', element: 'annotation:teleport', label: 'Teleport', key: 't', active: true },
    ]);
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), json);
    await expect.element(dialog.getByText('Apply 1 change, 1 unknown action ignored')).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Shift+Enter' }))
      .toBeVisible();
    await expect.element(screen.getByText('Imported 1 change. Save to keep it.')).toBeVisible();
  });

  it('re-renders only the edited row of a 500-action editor', async () => {
    const definitions: HotkeyDefinition[] = Array.from({ length: 500 }, (_, i) => ({
      id: String(i),
      section: `section-${Math.floor(i / 50)}`,
      element: `action-${i}`,
      label: `Action ${i}`,
      key: `ctrl+alt+shift+${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
      description: `Does thing ${i}`,
      scope: `scope-${i}`,
    }));
    const renders = new Map<string, number>();
    let editorCommits = 0;
    function Counted() {
      const [onRowRender] = useState(() => (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1));
      return (
        <Profiler id="editor" onRender={() => editorCommits++}>
          <HotkeyEditor definitions={definitions} sections={[]} onRowRender={onRowRender} />
        </Profiler>
      );
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Counted />
      </AccountProvider>,
    );
    const toggle = screen.getByRole('switch', { name: 'Enabled: Action 250' });
    await expect.element(toggle).toBeChecked();
    renders.clear();
    const before = editorCommits;
    await userEvent.click(toggle);
    await expect.element(toggle).not.toBeChecked();
    expect(editorCommits).toBeGreaterThan(before);
    expect([...renders.keys()]).toEqual(['section-5:action-250']);
  });
});

/** A host whose shortcuts listen on its own focusable box, so a key can reach it while focus (and recording) is elsewhere. */
function BoxHost({ name, onUndo }: { name: string; onUndo: () => void }) {
  const [box, setBox] = useState<HTMLElement | null>(null);
  useHotkeys({ [UNDO]: onUndo }, { definitions: FEW, target: box });
  return <div ref={setBox} role="region" aria-label={name} tabIndex={-1} />;
}

/** Ctrl+Z sent to `element` without moving focus (a real key would go to the focused recorder). */
function pressCtrlZAt(element: Element) {
  element.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true }));
}

describe('two AccountProviders on one page in Chromium', () => {
  it('suspends only the recording provider’s shortcuts while a recorder records', async () => {
    const onUndoA = vi.fn();
    const onUndoB = vi.fn();
    const adapter = createMemoryAdapter();
    const screen = await render(
      <>
        <AccountProvider adapter={adapter} platform="other">
          <BoxHost name="A" onUndo={onUndoA} />
          <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
        </AccountProvider>
        <AccountProvider adapter={adapter} platform="other">
          <BoxHost name="B" onUndo={onUndoB} />
        </AccountProvider>
      </>,
    );
    const boxA = screen.getByRole('region', { name: 'A' }).element();
    const boxB = screen.getByRole('region', { name: 'B' }).element();
    // Both are bound before anything records.
    await expect.poll(() => (pressCtrlZAt(boxA), onUndoA.mock.calls.length)).toBeGreaterThan(0);
    await expect.poll(() => (pressCtrlZAt(boxB), onUndoB.mock.calls.length)).toBeGreaterThan(0);
    onUndoA.mockClear();
    onUndoB.mockClear();

    await userEvent.click(screen.getByRole('button', { name: /^Shortcut for Submit/ }));
    const recording = screen.getByRole('button', { name: 'Press a shortcut… (Esc cancels, Tab leaves)' });
    await expect.element(recording).toHaveFocus();
    pressCtrlZAt(boxA);
    pressCtrlZAt(boxB);
    await expect.element(recording).toHaveFocus();
    expect(onUndoA).not.toHaveBeenCalled();
    expect(onUndoB).toHaveBeenCalledTimes(1);
  });

  it('rebinds only the saving provider’s useHotkeys when an editor saves, on a shared adapter', async () => {
    const onSubmitA = vi.fn();
    const onSubmitB = vi.fn();
    const adapter = createMemoryAdapter();
    const screen = await render(
      <>
        <AccountProvider adapter={adapter} platform="other">
          <Host onSubmit={onSubmitA} onUndo={() => {}} />
          <HotkeyEditor definitions={FEW} />
        </AccountProvider>
        <AccountProvider adapter={adapter} platform="other">
          <Host onSubmit={onSubmitB} onUndo={() => {}} />
        </AccountProvider>
      </>,
    );
    const submit = screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Enter' });
    await expect.element(submit).toBeVisible();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmitA).toHaveBeenCalledTimes(1);
    expect(onSubmitB).toHaveBeenCalledTimes(1);

    await userEvent.click(submit);
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByRole('status').first()).toHaveTextContent('Shortcuts saved');
    expect(await adapter.getHotkeys()).toEqual({ [SUBMIT]: { key: 'ctrl+shift+k', active: true } });

    // The saving provider runs the new combo at once; the other keeps what it read until it reads again.
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    expect(onSubmitA).toHaveBeenCalledTimes(2);
    expect(onSubmitB).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmitA).toHaveBeenCalledTimes(2);
    expect(onSubmitB).toHaveBeenCalledTimes(2);
  });
});
