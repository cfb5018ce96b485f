import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, createDefaultSeed } from '../../src/adapters/memory';
import { AccountSettings } from '../../src/components/account-settings';
import { InviteLink } from '../../src/components/invite-link';
import { MembersList } from '../../src/components/members-list';
import { AccountProvider } from '../../src/provider/account-provider';
import '../../src/styles.css';

afterEach(async () => {
  await page.viewport(1280, 800);
});

/** Elements wider than the viewport or reaching past its right edge, to name in a failure. */
function overflowing(width: number): string[] {
  return [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    })
    .map(
      (element) =>
        `${element.tagName.toLowerCase()}[data-slot=${element.dataset.slot ?? ''}] ${Math.round(element.getBoundingClientRect().right)}`,
    )
    .slice(0, 8);
}

const SECTIONS = [
  'Profile',
  'Hotkeys',
  'Email preferences',
  'Membership info',
  'Personal access token',
  'Legacy token',
];

describe('phone widths', () => {
  for (const width of [390, 320]) {
    it(`shows every section of the page at ${width} px without horizontal scrolling`, async () => {
      await page.viewport(width, 800);
      const screen = await render(
        <AccountProvider adapter={createMemoryAdapter()} platform="other">
          <AccountSettings />
        </AccountProvider>,
      );
      await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
      const report: Record<string, string[]> = {};
      for (const name of SECTIONS) {
        await userEvent.click(screen.getByRole('navigation').getByRole('button', { name }));
        await expect.element(screen.getByRole('heading', { level: 2, name })).toBeVisible();
        await new Promise(requestAnimationFrame);
        const wide = document.documentElement.scrollWidth > width ? overflowing(width) : [];
        if (wide.length > 0) report[name] = wide;
      }
      expect(report).toEqual({});
    });
  }

  it('shows every section in its error state at 390 px without horizontal scrolling', async () => {
    await page.viewport(390, 800);
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter({ fail: 'network' })} platform="other">
        <AccountSettings />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('alert').first()).toBeVisible();
    const report: Record<string, string[]> = {};
    for (const name of SECTIONS) {
      await userEvent.click(screen.getByRole('navigation').getByRole('button', { name }));
      await expect.element(screen.getByRole('heading', { level: 2, name })).toBeVisible();
      await expect.element(screen.getByRole('alert').first()).toBeVisible();
      await new Promise(requestAnimationFrame);
      const wide = document.documentElement.scrollWidth > 390 ? overflowing(390) : [];
      if (wide.length > 0) report[name] = wide;
    }
    expect(report).toEqual({});
  });

  it('fits the invite dialog and the legacy token renewal question at 320 px', async () => {
    await page.viewport(320, 700);
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <InviteLink />
        <AccountSettings defaultSection="legacy-token" />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Invite people' }));
    const invite = screen.getByRole('dialog', { name: 'Invite people' });
    await expect.element(invite.getByRole('textbox', { name: 'Invite link' })).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(overflowing(320)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    await expect.element(invite).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Renew', exact: true }));
    await expect.element(screen.getByRole('alertdialog', { name: 'Renew legacy token?' })).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(overflowing(320)).toEqual([]);
  });

  it('fits the new-token dialog and the import dialog at 320 px', async () => {
    await page.viewport(320, 700);
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <AccountSettings />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    await userEvent.click(screen.getByRole('navigation').getByRole('button', { name: 'Personal access token' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create new token' }));
    const created = screen.getByRole('dialog', { name: 'New personal access token' });
    await userEvent.click(created.getByRole('button', { name: 'Create token' }));
    await expect.element(created.getByRole('textbox', { name: 'Your new token' })).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(overflowing(320)).toEqual([]);
    await userEvent.click(created.getByRole('button', { name: 'Copy' }));
    await userEvent.click(created.getByRole('button', { name: 'Done' }));
    await expect.element(created).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('navigation').getByRole('button', { name: 'Hotkeys' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import', exact: true }));
    await expect.element(screen.getByRole('dialog', { name: 'Import shortcuts' })).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(overflowing(320)).toEqual([]);
  });

  it('keeps a 256-character name inside the members table at 390 px', async () => {
    await page.viewport(390, 800);
    const seed = createDefaultSeed();
    const long = 'W'.repeat(256);
    const members = seed.members.map((member, index) => (index === 1 ? { ...member, firstName: long } : member));
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter({ seed: { members } })} platform="other">
        <MembersList />
      </AccountProvider>,
    );
    await expect.element(screen.getByText('Showing 1–30 of 42')).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(document.documentElement.scrollWidth > 390 ? overflowing(390) : []).toEqual([]);
    // Their details sheet too: the heading wraps inside it.
    await userEvent.click(screen.getByRole('button', { name: members[1]!.email }));
    const details = screen.getByRole('dialog', { name: 'Member details' });
    await expect.element(details.getByRole('heading', { name: new RegExp(`^${long}`) })).toBeVisible();
    await new Promise(requestAnimationFrame);
    expect(overflowing(390)).toEqual([]);
  });
});
