import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter, Membership, TokenSettings } from '../../src/adapters/types';
import { TokenPanel } from '../../src/components/token-panel';
import { TokenSettingsForm } from '../../src/components/token-settings-form';
import { AccountProvider } from '../../src/provider/account-provider';

afterEach(() => vi.restoreAllMocks());

/** Token settings of an organization whose backend lets administrators set the personal-token lifetime. */
const WITH_LIFETIME: TokenSettings = {
  personalTokensEnabled: true,
  legacyTokenEnabled: true,
  maxActivePersonalTokens: 1,
  canChangeLifetime: true,
  personalTokenLifetimeDays: 30,
};

async function renderForm(adapter: AccountAdapter, { withPanel = false } = {}) {
  const screen = await render(
    <AccountProvider adapter={adapter}>
      <TokenSettingsForm />
      {withPanel ? <TokenPanel /> : null}
    </AccountProvider>,
  );
  const form = screen.getByRole('form', { name: 'API tokens settings' });
  const personal = form.getByRole('switch', { name: 'Personal access tokens' });
  const legacy = form.getByRole('switch', { name: 'Legacy tokens' });
  const save = form.getByRole('button', { name: 'Save' });
  const discard = form.getByRole('button', { name: 'Discard changes' });
  await expect.element(personal).toBeVisible();
  return { screen, form, personal, legacy, save, discard };
}

async function storedSettings(adapter: MemoryAdapter): Promise<TokenSettings> {
  return adapter.getTokenSettings();
}

describe('TokenSettingsForm in Chromium', () => {
  it('turns legacy tokens off by keyboard after a warning, saves, and the TokenPanel follows at once', async () => {
    const memory = createMemoryAdapter();
    const { screen, form, personal, legacy, save } = await renderForm(memory, { withPanel: true });
    await expect.element(personal).toBeChecked();
    await expect.element(personal).toHaveAccessibleDescription(/Enable increased token authentication security/);
    await expect.element(legacy).toBeChecked();
    await expect.element(legacy).toHaveAccessibleDescription('Enable legacy access tokens, these do not expire');
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    // The panel shows the legacy token while the organization allows it.
    await expect.element(screen.getByRole('heading', { name: 'Legacy token' })).toBeVisible();
    await expect.element(screen.getByText('Your organization has turned off legacy tokens.')).not.toBeInTheDocument();

    (personal.element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    await expect.element(legacy).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(legacy).not.toBeChecked();
    await expect
      .element(legacy)
      .toHaveAccessibleDescription(
        "Enable legacy access tokens, these do not expire When you save, every member's legacy token stops working.",
      );
    await expect.element(form).toHaveAttribute('data-dirty', '');
    await expect.element(save).toHaveAttribute('aria-disabled', 'false');
    expect((await storedSettings(memory)).legacyTokenEnabled).toBe(true);
    expect((await axe.run(form.element())).violations).toEqual([]);

    await userEvent.click(save);
    await expect.element(form.getByRole('status')).toHaveTextContent('Token settings saved');
    expect(await storedSettings(memory)).toMatchObject({ legacyTokenEnabled: false, personalTokensEnabled: true });
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    await expect.element(legacy).not.toBeChecked();
    // The warning is gone: the kind is off now, nothing more stops working.
    await expect.element(legacy).toHaveAccessibleDescription('Enable legacy access tokens, these do not expire');
    await expect.element(screen.getByText('Your organization has turned off legacy tokens.')).toBeVisible();

    // Turning it back on brings the legacy token back in the panel.
    await userEvent.click(legacy);
    await userEvent.click(save);
    await expect.poll(async () => (await storedSettings(memory)).legacyTokenEnabled).toBe(true);
    await expect.element(screen.getByText('Your organization has turned off legacy tokens.')).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Show' })).toBeVisible();
  });

  it('turning personal tokens off warns and empties the panel’s section after the save', async () => {
    const memory = createMemoryAdapter();
    const { screen, personal, save } = await renderForm(memory, { withPanel: true });
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).toBeVisible();
    await userEvent.click(personal);
    await expect.element(personal).toHaveAccessibleDescription(/every member's personal access tokens stop working/);
    await userEvent.click(save);
    await expect.element(screen.getByText('Your organization has turned off personal access tokens.')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).not.toBeInTheDocument();
    expect((await storedSettings(memory)).personalTokensEnabled).toBe(false);
  });

  it('Discard changes puts the saved settings back and sends nothing', async () => {
    const memory = createMemoryAdapter();
    const { form, personal, legacy, save, discard } = await renderForm(memory);
    await userEvent.click(personal);
    await userEvent.click(legacy);
    await expect.element(discard).toHaveAttribute('aria-disabled', 'false');
    await userEvent.click(discard);
    await expect.element(personal).toBeChecked();
    await expect.element(legacy).toBeChecked();
    await expect.element(save).toHaveAttribute('aria-disabled', 'true');
    await expect.element(form).not.toHaveAttribute('data-dirty');
    expect(await storedSettings(memory)).toMatchObject({ personalTokensEnabled: true, legacyTokenEnabled: true });
  });

  it('checks the lifetime before sending it, naming the limits and the value, and saves a good one', async () => {
    const memory = createMemoryAdapter({ seed: { tokenSettings: WITH_LIFETIME } });
    const { form, personal, save } = await renderForm(memory);
    const never = form.getByRole('switch', { name: 'Never expires' });
    const days = form.getByRole('spinbutton', { name: 'Time-to-live (days)' });
    await expect.element(never).not.toBeChecked();
    await expect.element(days).toHaveValue(30);
    await expect
      .element(days)
      .toHaveAccessibleDescription('New personal access tokens work this many days (1 to 73,000).');

    await userEvent.fill(days, '0');
    await userEvent.click(save);
    await expect.element(days).toHaveAttribute('aria-invalid', 'true');
    await expect.element(days).toHaveAccessibleDescription(/Use a whole number of days from 1 to 73,000, not 0\./);
    await expect.element(days).toHaveFocus();
    expect((await storedSettings(memory)).personalTokenLifetimeDays).toBe(30);

    await userEvent.fill(days, '73001');
    // Typing clears the old message; the next save checks again.
    await expect.element(days).not.toHaveAttribute('aria-invalid');
    await userEvent.click(save);
    await expect.element(form.getByText('Use a whole number of days from 1 to 73,000, not 73001.')).toBeVisible();
    await userEvent.fill(days, '');
    await userEvent.click(save);
    await expect.element(form.getByText('Enter a number of days from 1 to 73,000.')).toBeVisible();
    expect((await storedSettings(memory)).personalTokenLifetimeDays).toBe(30);
    expect((await axe.run(form.element())).violations).toEqual([]);

    await userEvent.fill(days, '90');
    await userEvent.click(save);
    await expect.element(form.getByRole('status')).toHaveTextContent('Token settings saved');
    expect((await storedSettings(memory)).personalTokenLifetimeDays).toBe(90);

    // Never expires: the number can't be used, and the organization's tokens stop expiring.
    await userEvent.click(never);
    await expect.element(days).toBeDisabled();
    await userEvent.click(save);
    await expect.poll(async () => (await storedSettings(memory)).personalTokenLifetimeDays).toBeNull();

    // With personal tokens off the whole lifetime block is disabled, and says why.
    await userEvent.click(personal);
    const lifetime = form.getByRole('group', { name: 'Personal access token lifetime' });
    await expect.element(lifetime).toHaveAttribute('disabled');
    await expect.element(never).toBeDisabled();
    await expect
      .element(lifetime)
      .toHaveAccessibleDescription('Turn on personal access tokens to change their lifetime.');
  });

  it('shows the server’s message under the lifetime it refused', async () => {
    const memory = createMemoryAdapter({
      seed: { tokenSettings: WITH_LIFETIME },
      fail: {
        updateTokenSettings: new AccountError('validation', 'Ensure this value is greater than or equal to 10.', {
          status: 400,
          fieldErrors: { personalTokenLifetimeDays: ['Ensure this value is greater than or equal to 10.'] },
        }),
      },
    });
    const { form, save } = await renderForm(memory);
    const days = form.getByRole('spinbutton', { name: 'Time-to-live (days)' });
    await userEvent.fill(days, '5');
    await userEvent.click(save);
    await expect.element(days).toHaveAttribute('aria-invalid', 'true');
    await expect.element(days).toHaveAccessibleDescription(/Ensure this value is greater than or equal to 10\./);
    await expect.element(days).toHaveFocus();
    await expect.element(days).toHaveValue(5);
  });

  it('keeps every change when saving fails, with one alert and Retry, which saves', async () => {
    const memory = createMemoryAdapter({ seed: { tokenSettings: WITH_LIFETIME } });
    const failing = createMemoryAdapter({ fail: { updateTokenSettings: 'server' } });
    let online = false;
    const adapter: AccountAdapter = {
      ...memory,
      updateTokenSettings: (patch, options) => (online ? memory : failing).updateTokenSettings(patch, options),
    };
    const { form, legacy, save } = await renderForm(adapter);
    const days = form.getByRole('spinbutton', { name: 'Time-to-live (days)' });
    await userEvent.click(legacy);
    await userEvent.fill(days, '45');
    await userEvent.click(save);

    const alert = form.getByRole('alert');
    await expect.element(alert).toHaveTextContent('The server had a problem. Try again in a moment.');
    expect(form.element().querySelectorAll('[role="alert"]')).toHaveLength(1);
    await expect.element(legacy).not.toBeChecked();
    await expect.element(days).toHaveValue(45);
    await expect.element(form.getByRole('status')).toHaveTextContent('');
    expect(await memory.getTokenSettings()).toMatchObject({ legacyTokenEnabled: true, personalTokenLifetimeDays: 30 });
    expect((await axe.run(form.element())).violations).toEqual([]);

    online = true;
    await userEvent.click(alert.getByRole('button', { name: 'Retry' }));
    await expect.element(form.getByRole('status')).toHaveTextContent('Token settings saved');
    await expect.element(alert).not.toBeInTheDocument();
    expect(await memory.getTokenSettings()).toMatchObject({ legacyTokenEnabled: false, personalTokenLifetimeDays: 45 });
  });

  it('shows no lifetime fields where the backend fixes the lifetime', async () => {
    const { form } = await renderForm(createMemoryAdapter());
    await expect.element(form.getByRole('switch', { name: 'Never expires' })).not.toBeInTheDocument();
    await expect.element(form.getByRole('spinbutton')).not.toBeInTheDocument();
  });

  it('renders nothing for a member the organization does not let change the settings', async () => {
    const memory = createMemoryAdapter({ seed: { permissions: { changeTokenSettings: false } } });
    // The membership arrives when the test lets it, so the loading state can be seen first.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const adapter: AccountAdapter = {
      ...memory,
      getMembership: async (options): Promise<Membership> => {
        await gate;
        return memory.getMembership(options);
      },
    };
    const screen = await render(
      <AccountProvider adapter={adapter}>
        <TokenSettingsForm />
      </AccountProvider>,
    );
    const form = screen.getByRole('form', { name: 'API tokens settings' });
    await expect.element(form).toHaveAttribute('aria-busy', 'true');
    await expect.element(form.getByText('Loading token settings…')).toBeVisible();
    release();
    await expect.element(form).not.toBeInTheDocument();
    expect(screen.container.textContent).toBe('');
  });

  it('renders nothing, with one development warning, when the adapter cannot change the settings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { updateTokenSettings: _update, ...readOnly } = createMemoryAdapter();
    void _update;
    const screen = await render(
      <AccountProvider adapter={readOnly}>
        <TokenSettingsForm />
        <TokenSettingsForm />
      </AccountProvider>,
    );
    await expect.poll(() => warn.mock.calls.length).toBe(1);
    expect(String(warn.mock.calls[0]![0])).toContain('TokenSettingsForm: the adapter has no updateTokenSettings()');
    expect(screen.container.querySelector('form')).toBeNull();
    expect(screen.container.textContent).toBe('');
  });
});
