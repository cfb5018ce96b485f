import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { InviteLink } from '../../src/components/invite-link';
import { AccountProvider } from '../../src/provider/account-provider';

const FOCUS_WAIT = { timeout: 3_000 };

/**
 * Makes the page's next animation frame slow: every callback asked for from now on waits until
 * the returned function runs them (in the order they were asked for, in one frame, as a late
 * first frame would), after which frames run as usual again.
 */
function holdAnimationFrames(): () => void {
  const original = window.requestAnimationFrame;
  const originalCancel = window.cancelAnimationFrame;
  const held = new Map<number, FrameRequestCallback>();
  let next = -1;
  window.requestAnimationFrame = (callback) => {
    held.set(next, callback);
    return next--;
  };
  window.cancelAnimationFrame = (id) => {
    if (!held.delete(id)) originalCancel.call(window, id);
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    window.requestAnimationFrame = original;
    window.cancelAnimationFrame = originalCancel;
    const now = performance.now();
    for (const callback of held.values()) callback(now);
  };
  releases.push(release);
  return release;
}

const releases: (() => void)[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
});

/** Waits, without an animation frame, until `find` returns an element. */
async function waitForElement(find: () => Element | null): Promise<Element> {
  return vi.waitFor(() => {
    const element = find();
    if (!element) throw new Error('not there yet');
    return element;
  });
}

async function openInviteWithSlowFirstFrame() {
  const screen = await render(
    <AccountProvider adapter={createMemoryAdapter()}>
      <main>
        <p>The host page</p>
        <InviteLink />
      </main>
    </AccountProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Invite people' });
  await expect.element(opener).toBeVisible();
  const release = holdAnimationFrames();
  await userEvent.click(opener);
  const dialog = await waitForElement(() => document.querySelector('[role="dialog"]'));
  const reset = (await waitForElement(
    () => [...dialog.querySelectorAll('button')].find((button) => button.textContent === 'Reset link') ?? null,
  )) as HTMLButtonElement;
  // The first frame still hasn't come when the confirmation opens over the invite dialog.
  await userEvent.click(reset);
  const confirm = await waitForElement(() => document.querySelector('[role="alertdialog"]'));
  release();
  return { screen, opener, dialog, reset, confirm };
}

describe('nested modals with a slow first animation frame in Chromium', () => {
  it('gives focus back to Reset link after Cancel and leaves the invite dialog usable', async () => {
    const { screen, opener, dialog, reset, confirm } = await openInviteWithSlowFirstFrame();
    // While the confirmation is open, the invite dialog below it is out of reach, and the confirmation is not.
    expect(dialog.closest('[inert]')).not.toBeNull();
    expect(confirm.closest('[inert]')).toBeNull();
    await expect.element(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect.element(screen.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.poll(() => document.activeElement, FOCUS_WAIT).toBe(reset);
    expect(dialog.closest('[inert]')).toBeNull();
    // The page behind the invite dialog stays inert while it is open...
    expect(screen.getByText('The host page').element().closest('[inert]')).not.toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
    // ...and nothing is inert once every modal is closed.
    await expect.element(opener).toHaveFocus();
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
  });

  it('keeps focus in the invite dialog after the reset is confirmed, with nothing of it inert', async () => {
    const { screen, opener, dialog, reset } = await openInviteWithSlowFirstFrame();
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Reset link' }));
    await expect.element(screen.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect
      .element(screen.getByText('The invite link was reset. The old link no longer works.'))
      .toBeInTheDocument();
    await expect.poll(() => document.activeElement, FOCUS_WAIT).toBe(reset);
    expect(dialog.closest('[inert]')).toBeNull();

    await userEvent.keyboard('{Escape}');
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(opener).toHaveFocus();
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
  });
});
