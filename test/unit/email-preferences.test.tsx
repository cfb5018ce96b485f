import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, withoutMethods, type MemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { EmailPreferences, type EmailPreferencesProps } from '../../src/components/email-preferences';
import { AccountProvider } from '../../src/provider/account-provider';

const NEWSLETTER = 'Subscribe to news and tips';

function renderPreferences<A extends AccountAdapter = MemoryAdapter>(
  adapter: A = createMemoryAdapter() as unknown as A,
  props: EmailPreferencesProps = {},
) {
  const view = render(
    <AccountProvider adapter={adapter}>
      <EmailPreferences {...props} />
    </AccountProvider>,
  );
  return { adapter, ...view };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('EmailPreferences', () => {
  it('shows each preference as a checkbox in a group named Email preferences, unchecked from the seed', async () => {
    renderPreferences();
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    expect(box).not.toBeChecked();
    expect(box).toBeEnabled();
    expect(screen.getByRole('group', { name: 'Email preferences' })).toHaveAttribute('data-state', 'ready');
  });

  it('checks at once when toggled and stores the change', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { updateEmailPreferences: 30 } });
    renderPreferences(adapter);
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(box.closest('[data-slot="ras-email-preference"]')).not.toHaveAttribute('aria-busy'));
    expect(box).toBeChecked();
    expect(await adapter.getEmailPreferences()).toEqual([{ id: 'newsletter', label: NEWSLETTER, enabled: true }]);
  });

  it('marks the row busy with a spinner and a Saving… text while it saves', async () => {
    renderPreferences(createMemoryAdapter({ latencyMs: { updateEmailPreferences: 300 } }));
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    const row = box.closest<HTMLElement>('[data-slot="ras-email-preference"]')!;
    await userEvent.click(box);
    expect(row).toHaveAttribute('aria-busy', 'true');
    expect(row.querySelector('[data-slot="ras-spinner"]')).toHaveAttribute('aria-hidden', 'true');
    expect(within(row).getByText('Saving…')).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription('Saving…');
    expect(screen.getByRole('group', { name: 'Email preferences' })).toHaveAttribute('data-state', 'saving');
    await waitFor(() => expect(row).not.toHaveAttribute('aria-busy'));
    expect(row.querySelector('[data-slot="ras-spinner"]')).toBeNull();
  });

  it('rolls back on failure with an alert naming the preference, and Retry saves it', async () => {
    let failures = 1;
    const base = createMemoryAdapter();
    const adapter: MemoryAdapter = {
      ...base,
      updateEmailPreferences: (patch, options) =>
        failures-- > 0 ? Promise.reject(new AccountError('server')) : base.updateEmailPreferences(patch, options),
    };
    renderPreferences(adapter);
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.click(box);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `Your change to “${NEWSLETTER}” wasn't saved. The server had a problem. Try again in a moment.`,
    );
    expect(box).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(box).toBeChecked();
    expect(box).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await base.getEmailPreferences())[0]!.enabled).toBe(true);
  });

  it('saves once when the same row is clicked again while it saves', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { updateEmailPreferences: 200 } });
    const update = vi.spyOn(adapter, 'updateEmailPreferences');
    renderPreferences(adapter);
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.click(box);
    await userEvent.click(box);
    expect(update).toHaveBeenCalledTimes(1);
    expect(box).toBeChecked();
    await waitFor(() => expect(box.closest('[data-slot="ras-email-preference"]')).not.toHaveAttribute('aria-busy'));
    expect(update).toHaveBeenCalledTimes(1);
    expect(box).toBeChecked();
    expect((await adapter.getEmailPreferences())[0]!.enabled).toBe(true);
  });

  it('saves different rows side by side', async () => {
    const adapter = createMemoryAdapter({
      latencyMs: { updateEmailPreferences: 30 },
      seed: {
        emailPreferences: [
          { id: 'newsletter', enabled: false },
          { id: 'product', label: 'Product updates', enabled: true },
          { id: 'digest', enabled: false },
        ],
      },
    });
    const update = vi.spyOn(adapter, 'updateEmailPreferences');
    renderPreferences(adapter);
    const product = await screen.findByRole('checkbox', { name: 'Product updates' });
    const digest = screen.getByRole('checkbox', { name: 'digest' });
    await userEvent.click(product);
    await userEvent.click(digest);
    expect(product).not.toBeChecked();
    expect(digest).toBeChecked();
    expect(update).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByRole('group')).toHaveAttribute('data-state', 'ready'));
    expect(product).not.toBeChecked();
    expect(digest).toBeChecked();
    expect(await adapter.getEmailPreferences()).toEqual([
      { id: 'newsletter', enabled: false },
      { id: 'product', label: 'Product updates', enabled: false },
      { id: 'digest', enabled: true },
    ]);
  });

  it('rolls back only the row that failed while another row saves', async () => {
    const base = createMemoryAdapter({
      latencyMs: { updateEmailPreferences: 60 },
      seed: {
        emailPreferences: [
          { id: 'newsletter', enabled: false },
          { id: 'product', label: 'Product updates', enabled: false },
        ],
      },
    });
    const adapter: MemoryAdapter = {
      ...base,
      updateEmailPreferences: (patch, options) =>
        'product' in patch ? Promise.reject(new AccountError('network')) : base.updateEmailPreferences(patch, options),
    };
    renderPreferences(adapter);
    const newsletter = await screen.findByRole('checkbox', { name: NEWSLETTER });
    const product = screen.getByRole('checkbox', { name: 'Product updates' });
    await userEvent.click(newsletter);
    await userEvent.click(product);
    expect(await screen.findByRole('alert')).toHaveTextContent("Your change to “Product updates” wasn't saved.");
    expect(product).not.toBeChecked();
    expect(newsletter).toBeChecked();
    await waitFor(() => expect(screen.getByRole('group')).toHaveAttribute('data-state', 'ready'));
    expect(newsletter).toBeChecked();
    expect((await base.getEmailPreferences()).map((p) => p.enabled)).toEqual([true, false]);
  });

  it('toggles with Space', async () => {
    const { adapter } = renderPreferences();
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.tab();
    expect(box).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(box).toBeChecked();
    await waitFor(async () => expect((await adapter.getEmailPreferences())[0]!.enabled).toBe(true));
  });

  it('aborts the save on unmount, so nothing is stored', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { updateEmailPreferences: 300 } });
    const update = vi.spyOn(adapter, 'updateEmailPreferences');
    const { unmount } = renderPreferences(adapter);
    await userEvent.click(await screen.findByRole('checkbox', { name: NEWSLETTER }));
    unmount();
    expect(update.mock.calls[0]![1]!.signal!.aborted).toBe(true);
    await act(() => sleep(350));
    expect((await adapter.getEmailPreferences())[0]!.enabled).toBe(false);
  });

  it('shows a busy skeleton while loading', async () => {
    renderPreferences(createMemoryAdapter({ latencyMs: { getEmailPreferences: 30 } }));
    const group = screen.getByRole('group', { name: 'Email preferences' });
    expect(group).toHaveAttribute('aria-busy', 'true');
    expect(group).toHaveAttribute('data-state', 'loading');
    expect(group.querySelector('[data-slot="ras-skeleton"]')).toHaveAttribute('aria-hidden', 'true');
    await screen.findByRole('checkbox', { name: NEWSLETTER });
    expect(group).not.toHaveAttribute('aria-busy');
  });

  it('says so when there are no preferences', async () => {
    renderPreferences(createMemoryAdapter({ seed: { emailPreferences: [] } }));
    expect(await screen.findByText('There are no email preferences to set.')).toBeVisible();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('group', { name: 'Email preferences' })).toHaveAttribute('data-state', 'empty');
  });

  it('shows a Retry alert when loading fails, and Retry loads again', async () => {
    let failures = 1;
    const base = createMemoryAdapter();
    const adapter: MemoryAdapter = {
      ...base,
      getEmailPreferences: (options) =>
        failures-- > 0 ? Promise.reject(new AccountError('network')) : base.getEmailPreferences(options),
    };
    renderPreferences(adapter);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: NEWSLETTER })).not.toBeChecked();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('labels from the catalogue, else the adapter, else the id; host messages win', async () => {
    const adapter = createMemoryAdapter({
      seed: {
        emailPreferences: [
          { id: 'newsletter', label: 'Backend label', enabled: true },
          { id: 'product', label: 'Product updates', enabled: false },
          { id: 'digest', enabled: false },
        ],
      },
    });
    render(
      <AccountProvider adapter={adapter} messages={{ 'email.preference.newsletter': 'Nachrichten und Tipps' }}>
        <EmailPreferences />
      </AccountProvider>,
    );
    expect(await screen.findByRole('checkbox', { name: 'Nachrichten und Tipps' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Product updates' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'digest' })).not.toBeChecked();
  });

  it('is read-only without updateEmailPreferences, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderPreferences(withoutMethods(createMemoryAdapter(), ['updateEmailPreferences']));
    const box = await screen.findByRole('checkbox', { name: NEWSLETTER });
    expect(box).toBeDisabled();
    expect(screen.getByText("These preferences can't be changed here.")).toBeVisible();
    await userEvent.click(box);
    expect(box).not.toBeChecked();
    const warnings = warn.mock.calls.filter(([message]) => String(message).includes('updateEmailPreferences'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toContain('EmailPreferences');
    warn.mockRestore();
  });

  it('passes className, style and other props to the root fieldset', async () => {
    renderPreferences(undefined, {
      className: 'host-prefs',
      style: { maxWidth: 480 },
      'data-testid': 'root',
    } as EmailPreferencesProps);
    const root = await screen.findByTestId('root');
    expect(root.tagName).toBe('FIELDSET');
    expect(root).toHaveClass('ras-email-preferences', 'host-prefs');
    expect(root).toHaveStyle({ maxWidth: '480px' });
  });
});
