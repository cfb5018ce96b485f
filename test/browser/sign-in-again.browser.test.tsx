import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../../src/adapters/memory';
import { MembershipCard } from '../../src/components/membership-card';
import { ProfileForm } from '../../src/components/profile-form';
import { AccountProvider } from '../../src/provider/account-provider';

describe('"Sign in again" through AccountProvider onUnauthorized, in Chromium', () => {
  it('offers Sign in again before Retry on an ended session, calls onUnauthorized, and Retry reads again once signed in', async () => {
    const adapter = createMemoryAdapter();
    await adapter.signOut();
    const onUnauthorized = vi.fn<(error: AccountError) => void>();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other" onUnauthorized={onUnauthorized}>
        <ProfileForm />
      </AccountProvider>,
    );
    const alert = screen.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Your session has ended. Sign in again to continue.');
    expect(screen.container.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect([...alert.element().querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Sign in again',
      'Retry',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]![0].code).toBe('unauthorized');
    // The host signs the person in (its dialog, say); Retry then shows the form, nothing remounted.
    await adapter.signIn({ email: 'heidi@example.com', password: DEFAULT_SEED_PASSWORD });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
  });

  it('keeps Retry for an ended session when the host gave no onUnauthorized', async () => {
    const adapter = createMemoryAdapter();
    await adapter.signOut();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <MembershipCard />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(screen.container.querySelector('button')?.textContent).toBe('Retry');
  });

  it('keeps Retry for other errors even with onUnauthorized', async () => {
    const adapter = createMemoryAdapter({ fail: { getMembership: new AccountError('network', 'offline') } });
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other" onUnauthorized={() => {}}>
        <MembershipCard />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(screen.container.querySelectorAll('button')).toHaveLength(1);
  });
});
