import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { ConfirmDialog } from '../../src/components/shared/confirm-dialog';
import { overrideId } from '../../src/core/hotkeys/bindings';
import type { HotkeyDefinition } from '../../src/core/hotkeys/types';
import { useHotkeys, type UseHotkeysOptions } from '../../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { AccountProvider } from '../../src/provider/account-provider';

// Label Studio's own actions behind the complaints: Enter focuses the first region, Escape exits
// region mode, R picks the rectangle tool, and Alt+Left is shared on purpose by video and rotation.
const LABEL_STUDIO = labelStudioDefaultHotkeys.filter((definition) =>
  ['region:focus', 'region:exit', 'tool:rect', 'video:backward', 'tool:rotate-left'].includes(definition.element),
);
// Two of an app's own, on keys Label Studio leaves free: Space and the down arrow.
const APP: HotkeyDefinition[] = [
  { id: 'play', section: 'app', element: 'play', label: 'Play or pause', key: 'space' },
  { id: 'next', section: 'app', element: 'next', label: 'Next item', key: 'down' },
  { id: 'help', section: 'app', element: 'help', label: 'Shortcut help', key: 'shift+/' },
];
const DEFINITIONS = [...LABEL_STUDIO, ...APP];

const FOCUS_REGION = 'regions:region:focus';
const EXIT_REGION = 'regions:region:exit';
const RECTANGLE = 'tools:tool:rect';
const VIDEO_BACK = 'video:video:backward';
const ROTATE_LEFT = 'tools:tool:rotate-left';
const PLAY = 'app:play';
const NEXT = 'app:next';
const HELP = 'app:help';
const ALL = [FOCUS_REGION, EXIT_REGION, RECTANGLE, VIDEO_BACK, ROTATE_LEFT, PLAY, NEXT, HELP];

/** One spy per action, to tell which ran. */
function spies(): Record<string, Mock<() => void>> {
  return Object.fromEntries(ALL.map((id) => [id, vi.fn<() => void>()]));
}

function Shortcuts({
  handlers,
  options,
}: {
  handlers: Record<string, () => void>;
  options?: Omit<UseHotkeysOptions, 'definitions'>;
}) {
  useHotkeys(handlers, { definitions: DEFINITIONS, ...options });
  return null;
}

async function renderPage(children: ReactNode, options?: Omit<UseHotkeysOptions, 'definitions'>) {
  const ran = spies();
  const screen = await render(
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <Shortcuts handlers={ran} {...(options ? { options } : {})} />
      {children}
    </AccountProvider>,
  );
  return { screen, ran };
}

describe('useHotkeys on the page', () => {
  it('runs an ordinary shortcut pressed on the page body', async () => {
    const { ran } = await renderPage(<p>Annotation</p>);
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Enter}');
    expect(ran[FOCUS_REGION]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard(' ');
    expect(ran[PLAY]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{ArrowDown}');
    expect(ran[NEXT]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Escape}');
    expect(ran[EXIT_REGION]).toHaveBeenCalledTimes(1);
  });

  it('runs a shortcut on the combo the recorder records for the press (Shift+/ is shift+/, not ?)', async () => {
    const { ran } = await renderPage(<p>Annotation</p>);
    await userEvent.keyboard('{Shift>}/{/Shift}');
    expect(ran[HELP]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('/');
    expect(ran[HELP]).toHaveBeenCalledTimes(1);
  });

  it('runs every action sharing a combo, once each', async () => {
    const { ran } = await renderPage(<p>Annotation</p>);
    await userEvent.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(ran[VIDEO_BACK]).toHaveBeenCalledTimes(1);
    expect(ran[ROTATE_LEFT]).toHaveBeenCalledTimes(1);
  });
});

describe('useHotkeys leaves keys to the focused control', () => {
  it('does not run an Enter or Space shortcut for Enter or Space on a focused button', async () => {
    const clicked = vi.fn();
    const { screen, ran } = await renderPage(
      <button type="button" onClick={clicked}>
        Add label
      </button>,
    );
    const button = screen.getByRole('button', { name: 'Add label' });
    (button.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(clicked).toHaveBeenCalledTimes(2);
    expect(ran[FOCUS_REGION]).not.toHaveBeenCalled();
    expect(ran[PLAY]).not.toHaveBeenCalled();
    // Other keys pressed on the button are shortcuts as usual.
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
  });

  it('does not run an Enter or Space shortcut on a focused link, checkbox, switch or summary', async () => {
    const { screen, ran } = await renderPage(
      <>
        <a href="#guide">Guide</a>
        <span role="checkbox" aria-checked="false" tabIndex={0}>
          Difficult
        </span>
        <span role="switch" aria-checked="false" tabIndex={0}>
          Auto-accept
        </span>
        <details>
          <summary>Details</summary>
          More
        </details>
      </>,
    );
    for (const control of [
      screen.getByRole('link', { name: 'Guide' }),
      screen.getByRole('checkbox', { name: 'Difficult' }),
      screen.getByRole('switch', { name: 'Auto-accept' }),
      screen.getByText('Details'),
    ]) {
      (control.element() as HTMLElement).focus();
      await userEvent.keyboard(' ');
      await userEvent.keyboard('{Enter}');
    }
    expect(ran[PLAY]).not.toHaveBeenCalled();
    expect(ran[FOCUS_REGION]).not.toHaveBeenCalled();
  });

  it('still runs Ctrl+Enter on a focused button, which the button does not use', async () => {
    const submit = vi.fn();
    const definitions = labelStudioDefaultHotkeys.filter((definition) => definition.element === 'annotation:submit');
    function Submit() {
      useHotkeys({ 'annotation:annotation:submit': submit }, { definitions });
      return <button type="button">Skip</button>;
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Submit />
      </AccountProvider>,
    );
    (screen.getByRole('button', { name: 'Skip' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('does not run an arrow-key shortcut for arrows in a listbox or a radio group', async () => {
    const { screen, ran } = await renderPage(
      <>
        <div role="listbox" aria-label="Labels" tabIndex={-1}>
          <div role="option" aria-selected="true" tabIndex={0}>
            Car
          </div>
        </div>
        <div role="radiogroup" aria-label="Quality">
          <div role="radio" aria-checked="true" tabIndex={0}>
            Good
          </div>
        </div>
      </>,
    );
    (screen.getByRole('option', { name: 'Car' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    (screen.getByRole('radio', { name: 'Good' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(ran[NEXT]).not.toHaveBeenCalled();

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('{ArrowDown}');
    expect(ran[NEXT]).toHaveBeenCalledTimes(1);
  });

  it('does not run an Escape shortcut for Escape inside a dialog', async () => {
    const { screen, ran } = await renderPage(
      <div role="dialog" aria-label="Filters">
        <button type="button">Apply filters</button>
      </div>,
    );
    (screen.getByRole('button', { name: 'Apply filters' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Escape}');
    expect(ran[EXIT_REGION]).not.toHaveBeenCalled();
    // The dialog is not modal: other shortcuts still run from inside it.
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
  });
});

/** A page with a button that opens the library's ConfirmDialog. */
function DeletePage() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete annotation
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this annotation?"
        description="Its regions are deleted too."
        confirmLabel="Delete"
        cancelLabel="Cancel"
        onConfirm={() => setOpen(false)}
        destructive
      />
    </>
  );
}

describe('useHotkeys while a modal dialog is open', () => {
  it('runs nothing while a confirm dialog is open, and runs again once it closes', async () => {
    const { screen, ran } = await renderPage(<DeletePage />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete annotation' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this annotation?' });
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard('r');
    await userEvent.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(ran[RECTANGLE]).not.toHaveBeenCalled();
    expect(ran[VIDEO_BACK]).not.toHaveBeenCalled();

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(ran[EXIT_REGION]).not.toHaveBeenCalled();
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
  });

  it('runs a binding listed in enableInDialogs while a confirm dialog is open, and no other', async () => {
    const { screen, ran } = await renderPage(<DeletePage />, { enableInDialogs: [RECTANGLE] });
    await userEvent.click(screen.getByRole('button', { name: 'Delete annotation' }));
    await expect.element(screen.getByRole('alertdialog', { name: 'Delete this annotation?' })).toBeVisible();
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(ran[VIDEO_BACK]).not.toHaveBeenCalled();
  });

  it('leaves Escape to the dialog even for a binding listed in enableInDialogs', async () => {
    const { screen, ran } = await renderPage(<DeletePage />, { enableInDialogs: [EXIT_REGION] });
    await userEvent.click(screen.getByRole('button', { name: 'Delete annotation' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this annotation?' });
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(ran[EXIT_REGION]).not.toHaveBeenCalled();
  });

  it('runs nothing while an aria-modal dialog or a <dialog> opened with showModal() is open', async () => {
    const { screen, ran } = await renderPage(
      <>
        <div role="dialog" aria-modal="true" aria-label="Settings">
          <button type="button">Close settings</button>
        </div>
        <dialog aria-label="Native">
          <button type="button">Close native</button>
        </dialog>
      </>,
    );
    (screen.getByRole('button', { name: 'Close settings' }).element() as HTMLElement).focus();
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).not.toHaveBeenCalled();

    const ariaModal = screen.getByRole('dialog', { name: 'Settings' }).element();
    ariaModal.removeAttribute('aria-modal');
    const native = document.querySelector('dialog') as HTMLDialogElement;
    native.showModal();
    await expect.element(screen.getByRole('button', { name: 'Close native' })).toHaveFocus();
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).not.toHaveBeenCalled();

    native.close();
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('r');
    expect(ran[RECTANGLE]).toHaveBeenCalledTimes(1);
  });
});

describe('useHotkeys definitions', () => {
  it('binds exactly the definitions passed, by their override ids', async () => {
    const ran = vi.fn();
    const only = labelStudioDefaultHotkeys.filter((definition) => definition.element === 'tool:rect');
    function Host() {
      const { bindings } = useHotkeys({ [overrideId(only[0]!)]: ran }, { definitions: only });
      return <p>{bindings.map((binding) => `${binding.id}=${binding.key}`).join(' ')}</p>;
    }
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Host />
      </AccountProvider>,
    );
    await expect.element(screen.getByText('tools:tool:rect=r')).toBeVisible();
    await userEvent.keyboard('r');
    expect(ran).toHaveBeenCalledTimes(1);
  });
});
