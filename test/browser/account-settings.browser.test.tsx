import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AccountSettings } from '../../src/components/account-settings';
import { AccountProvider } from '../../src/provider/account-provider';
import { makePng } from '../../src/testing/image-fixtures';

function describeElement(element: Element | null): string {
  if (!element) return '(none)';
  const label = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
  return `${element.tagName.toLowerCase()}:${label || (element as HTMLInputElement).name || (element as HTMLInputElement).id}`;
}

/** Every element a keyboard user should be able to reach, in document order. */
function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.hidden &&
      !(element as HTMLButtonElement).disabled &&
      element.closest('[inert]') === null &&
      element.getClientRects().length > 0,
  );
}

async function renderPage(adapter = createMemoryAdapter()) {
  const onSectionChange = vi.fn();
  const screen = await render(
    <AccountProvider adapter={adapter} platform="other">
      <AccountSettings onSectionChange={onSectionChange} />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
  return { screen, adapter, onSectionChange };
}

describe('AccountSettings, keyboard only, in Chromium', () => {
  it('reaches every control with Tab, in document order, starting with the section menu', async () => {
    await renderPage();
    (document.activeElement as HTMLElement | null)?.blur();
    const expected = tabbables(document.body);
    const visited: HTMLElement[] = [];
    for (let i = 0; i < expected.length; i++) {
      await userEvent.keyboard('{Tab}');
      visited.push(document.activeElement as HTMLElement);
    }
    expect(visited.map(describeElement)).toEqual(expected.map(describeElement));
    expect(visited.slice(0, 6).map((element) => element.textContent)).toEqual([
      'Profile',
      'Hotkeys',
      'Email preferences',
      'Membership info',
      'Personal access token',
      'Legacy token',
    ]);
  });

  it('opens a section from the menu with the keyboard and moves focus to its heading', async () => {
    const { screen, onSectionChange } = await renderPage();
    screen.getByRole('button', { name: 'Membership info' }).element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('heading', { name: 'Membership info', level: 2 })).toHaveFocus();
    await expect
      .element(screen.getByRole('button', { name: 'Membership info' }))
      .toHaveAttribute('aria-current', 'page');
    expect(onSectionChange).toHaveBeenLastCalledWith('membership-info', { isClientNavigation: false });
  });

  it('asks before leaving a section with unsaved changes; Stay keeps them, Leave drops them', async () => {
    const { screen, onSectionChange } = await renderPage();
    const first = screen.getByRole('textbox', { name: 'First name' });
    await userEvent.fill(first, 'Unsaved');
    screen.getByRole('button', { name: 'Hotkeys' }).element().focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect.element(dialog).toHaveTextContent('Your changes in Profile are not saved yet.');
    await expect.element(dialog.getByRole('button', { name: 'Stay' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(first).toHaveValue('Unsaved');
    await expect.element(screen.getByRole('button', { name: 'Hotkeys' })).toHaveFocus();
    expect(onSectionChange).not.toHaveBeenCalled();

    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Leave' }));
    await expect.element(screen.getByRole('heading', { name: 'Hotkeys', level: 2 })).toBeVisible();
    expect(onSectionChange).toHaveBeenLastCalledWith('hotkeys', { isClientNavigation: false });
  });

  it('traps focus in a dialog and returns it to the opener on Escape', async () => {
    const adapter = createMemoryAdapter();
    await adapter.uploadAvatar(new Blob([makePng(8, 8) as Uint8Array<ArrayBuffer>]));
    const { screen } = await renderPage(adapter);
    const remove = screen.getByRole('button', { name: 'Remove photo' });
    remove.element().focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('alertdialog', { name: 'Remove photo?' });
    await expect.element(dialog).toBeVisible();
    for (let i = 0; i < 6; i++) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.element().contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(dialog.element().contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(remove).toHaveFocus();
  });

  it('traps focus in the import dialog of the Hotkeys section and returns it on close', async () => {
    const { screen } = await renderPage();
    screen.getByRole('button', { name: 'Hotkeys' }).element().focus();
    await userEvent.keyboard('{Enter}');
    const importButton = screen.getByRole('button', { name: 'Import' });
    await expect.element(importButton).toBeVisible();
    importButton.element().focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    await expect.element(dialog).toBeVisible();
    for (let i = 0; i < 8; i++) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.element().contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Escape}');
    await expect.element(importButton).toHaveFocus();
  });

  it('hides the token sections the organization turned off', async () => {
    const adapter = createMemoryAdapter({
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: true, maxActivePersonalTokens: 1 } },
    });
    const { screen } = await renderPage(adapter);
    await expect.element(screen.getByRole('button', { name: 'Legacy token' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Personal access token' })).not.toBeInTheDocument();
  });
});

describe('AccountSettings in any locale, in Chromium', () => {
  it('renders for locale="en_US" (which Intl refuses) as en-US, instead of unmounting', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const screen = await render(
        <AccountProvider adapter={createMemoryAdapter()} locale="en_US" platform="other">
          <AccountSettings />
        </AccountProvider>,
      );
      await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
      await expect.element(screen.getByRole('heading', { name: 'Profile', level: 2 })).toBeVisible();
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
        expect.stringContaining('reading it as "en-US"'),
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('loads the German catalogue for locale="de-DE" alone', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} locale="de-DE" platform="other">
        <AccountSettings />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('textbox', { name: 'Vorname' })).toHaveValue('Heidi');
    await expect.element(screen.getByRole('navigation', { name: 'Kontoeinstellungen' })).toBeVisible();
  });
});

/** A host with a client-side router: the path picks the section; links navigate by setting it. */
function RoutedPage() {
  const [path, setPath] = useState('/account/personal-info');
  return (
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <p data-testid="path">{path}</p>
      <AccountSettings
        section={path.slice('/account/'.length)}
        getSectionHref={(id) => `/account/${id}`}
        navigate={setPath}
      />
    </AccountProvider>
  );
}

describe('AccountSettings menu links, in Chromium', () => {
  /** Whether each click and auxclick reached the window with its default (following the link) still allowed. */
  const followed: boolean[] = [];
  // Runs after the page's own handlers; then stops the browser opening tabs during the test.
  const keepTestPage = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('a[href]')) return;
    followed.push(!event.defaultPrevented);
    event.preventDefault();
  };
  window.addEventListener('click', keepTestPage);
  window.addEventListener('auxclick', keepTestPage);
  afterEach(() => {
    followed.length = 0;
  });

  async function renderRouted() {
    const screen = await render(<RoutedPage />);
    await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    return screen;
  }

  it('leaves Ctrl-, Cmd- and middle-clicks to the browser: no switch in the page, no question', async () => {
    const screen = await renderRouted();
    await userEvent.fill(screen.getByRole('textbox', { name: 'Phone' }), '555');
    const hotkeys = screen.getByRole('link', { name: 'Hotkeys' });
    await userEvent.click(hotkeys, { modifiers: ['Control'] });
    await userEvent.click(hotkeys, { modifiers: ['Meta'] });
    await userEvent.click(hotkeys, { button: 'middle' });
    expect(followed).toEqual([true, true, true]);
    await expect.element(screen.getByTestId('path')).toHaveTextContent('/account/personal-info');
    await expect.element(screen.getByRole('heading', { name: 'Profile', level: 2 })).toBeVisible();
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('asks before a plain click leaves unsaved changes, then navigates through the router', async () => {
    const screen = await renderRouted();
    await userEvent.fill(screen.getByRole('textbox', { name: 'Phone' }), '555');
    await userEvent.click(screen.getByRole('link', { name: 'Hotkeys' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect.element(dialog).toBeVisible();
    expect(followed).toEqual([false]);
    await expect.element(screen.getByTestId('path')).toHaveTextContent('/account/personal-info');
    await userEvent.click(dialog.getByRole('button', { name: 'Leave' }));
    await expect.element(screen.getByTestId('path')).toHaveTextContent('/account/hotkeys');
    await expect.element(screen.getByRole('heading', { name: 'Hotkeys', level: 2 })).toBeVisible();
    await expect.element(screen.getByRole('link', { name: 'Hotkeys' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens a section with Enter on its link and moves focus to its heading', async () => {
    const screen = await renderRouted();
    screen.getByRole('link', { name: 'Membership info' }).element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('heading', { name: 'Membership info', level: 2 })).toHaveFocus();
    await expect.element(screen.getByTestId('path')).toHaveTextContent('/account/membership-info');
    expect(followed).toEqual([false]);
  });
});
