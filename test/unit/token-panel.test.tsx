import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountError, type AccountErrorCode } from '../../src/adapters/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import type { AdapterMethodName } from '../../src/adapters/types';
import { TokenPanel } from '../../src/components/token-panel';
import { formatDate, formatDateTime } from '../../src/core/format/format-date';
import { en } from '../../src/i18n/en';
import * as defaultPreset from '../../src/label-studio/default-preset';
import { AccountProvider } from '../../src/provider/account-provider';

const CODES: AccountErrorCode[] = [
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'server',
];

/** What the user should read for each code (the catalogue's words, rate limit with its wait). */
function expectedText(code: AccountErrorCode): string {
  if (code === 'rate_limited') return 'Too many requests. Try again in 1 second.';
  return en[`error.${code}` as keyof typeof en] as string;
}

async function renderPanel(adapter: MemoryAdapter) {
  render(
    <AccountProvider adapter={adapter}>
      <TokenPanel />
    </AccountProvider>,
  );
}

describe('TokenPanel errors', () => {
  describe.each(['getTokenSettings', 'listPersonalTokens', 'getLegacyToken'] as const)('when %s fails', (method) => {
    it.each(CODES)('shows a clear message for %s, with Retry', async (code) => {
      await renderPanel(createMemoryAdapter({ fail: { [method]: code } }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        code === 'conflict' ? 'This conflicts with the current state' : expectedText(code),
      );
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    });
  });

  it('reads again on Retry and shows the result', async () => {
    const base = createMemoryAdapter();
    let failures = 1;
    const adapter: MemoryAdapter = {
      ...base,
      listPersonalTokens: (options) =>
        failures-- > 0 ? Promise.reject(new AccountError('network')) : base.listPersonalTokens(options),
    };
    await renderPanel(adapter);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('You have no personal access tokens.')).toBeVisible();
  });

  it('shows nothing for an aborted read', async () => {
    const base = createMemoryAdapter();
    const adapter: MemoryAdapter = { ...base, getLegacyToken: () => Promise.reject(new AccountError('aborted')) };
    await renderPanel(adapter);
    expect(await screen.findByText('You have no personal access tokens.')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each(CODES)('explains a failed create (%s) in the dialog', async (code) => {
    await renderPanel(createMemoryAdapter({ fail: { createPersonalToken: code } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create new token' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      code === 'conflict' ? en['tokens.personal.conflict'] : `The token wasn't created. ${expectedText(code)}`,
    );
  });

  const writes: Array<[AdapterMethodName, string, string, string]> = [
    ['revokePersonalToken', 'Revoke token', 'Revoke', "The token wasn't revoked."],
    ['renewLegacyToken', 'Renew', 'Renew', "The legacy token wasn't renewed."],
  ];
  describe.each(writes)('when %s fails', (method, opener, confirm, lead) => {
    it.each(CODES.filter((code) => code !== 'conflict'))('says so in the confirmation (%s)', async (code) => {
      const adapter = createMemoryAdapter({ fail: { [method]: code } });
      await adapter.createPersonalToken({});
      await renderPanel(adapter);
      const openers = await screen.findAllByRole('button', { name: new RegExp(`^${opener}`) });
      await userEvent.click(openers[0]!);
      const dialog = await screen.findByRole('alertdialog');
      await userEvent.click(within(dialog).getByRole('button', { name: confirm }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(`${lead} ${expectedText(code)}`);
    });
  });
});

/** A backend that sets every token's expiry by the organization's policy and refuses a chosen one. */
function policyAdapter(lifetimeDays: number | null | undefined): MemoryAdapter {
  const base = createMemoryAdapter();
  return {
    ...base,
    getTokenSettings: async (options) => {
      const settings = await base.getTokenSettings(options);
      const { canChooseExpiry: _ignored, personalTokenLifetimeDays: _unknown, ...policy } = settings;
      return lifetimeDays === undefined ? policy : { ...policy, personalTokenLifetimeDays: lifetimeDays };
    },
    createPersonalToken: (input, options) => {
      if (input.expiresInDays !== undefined) {
        return Promise.reject(new AccountError('validation', 'This backend sets no expiry per token.'));
      }
      return base.createPersonalToken({ expiresInDays: lifetimeDays ?? null }, options);
    },
  };
}

async function openCreate() {
  await userEvent.click(await screen.findByRole('button', { name: 'Create new token' }));
  return screen.findByRole('dialog', { name: 'New personal access token' });
}

describe('TokenPanel expiry', () => {
  it('offers an expiry choice when the adapter sets it, and the new token expires as chosen', async () => {
    await renderPanel(createMemoryAdapter());
    const dialog = await openCreate();
    expect(dialog).toHaveAccessibleDescription(
      'Choose how long the token works, then create it. You will see it only once.',
    );
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Expires' }), '30');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    await within(dialog).findByRole('textbox', { name: 'Your new token' });
    const text = within(dialog).getByText(/^Expires /).textContent ?? '';
    const shown = Date.parse(text.replace(/^Expires |\.$/g, ''));
    const expected = Date.now() + 30 * 24 * 60 * 60 * 1000;
    expect(Math.abs(shown - expected)).toBeLessThan(2 * 60 * 1000);
  });

  it("states the organization's lifetime instead of a choice the backend would ignore", async () => {
    await renderPanel(policyAdapter(30));
    const dialog = await openCreate();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
    expect(
      within(dialog).getByText('Tokens expire 30 days after they are created, as your organization set.'),
    ).toBeVisible();
    expect(dialog).toHaveAccessibleDescription('Create the token, then copy it. You will see it only once.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    await within(dialog).findByRole('textbox', { name: 'Your new token' });
    expect(within(dialog).getByText(/^Expires /)).toBeVisible();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says tokens never expire when that is the policy', async () => {
    await renderPanel(policyAdapter(null));
    const dialog = await openCreate();
    expect(within(dialog).getByText('Tokens never expire in your organization.')).toBeVisible();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText('This token never expires.')).toBeVisible();
  });

  it('names no number when the policy is unknown', async () => {
    await renderPanel(policyAdapter(undefined));
    const dialog = await openCreate();
    expect(within(dialog).getByText('Your organization decides when tokens expire.')).toBeVisible();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
  });
});

describe('TokenPanel list', () => {
  it('names each token by its prefix, creation time and expiry, so no two items read the same', async () => {
    const adapter = createMemoryAdapter({ rules: { ...defaultPreset.rules, maxActivePersonalTokens: null } });
    const first = await adapter.createPersonalToken({ expiresInDays: 30 });
    const second = await adapter.createPersonalToken({});
    await renderPanel(adapter);
    const list = await screen.findByRole('list', { name: 'Your tokens' });
    const items = await within(list).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const created = (iso: string | null) => `Created ${formatDateTime(iso ?? '', 'en')}`;
    expect(items[0]).toHaveAccessibleName(
      `${first.info.prefix} ${created(first.info.createdAt)} Expires ${formatDate(first.info.expiresAt ?? '', 'en')}`,
    );
    expect(items[1]).toHaveAccessibleName(`${second.info.prefix} ${created(second.info.createdAt)} Never expires`);
    expect(first.info.prefix).not.toBe(second.info.prefix);
  });
});

describe('TokenPanel usage example', () => {
  it('keeps the command line left to right inside a right-to-left page', async () => {
    const adapter = createMemoryAdapter({
      tokenUsage: { legacy: "curl https://example.com/api/projects/ -H 'Authorization: Token {token}'" },
    });
    render(
      <div dir="rtl">
        <AccountProvider adapter={adapter}>
          <TokenPanel show="legacy" />
        </AccountProvider>
      </div>,
    );
    const code = await screen.findByText(/^curl https:\/\/example\.com\/api\/projects\//);
    expect(code.closest('pre')?.getAttribute('dir')).toBe('ltr');
  });
});
