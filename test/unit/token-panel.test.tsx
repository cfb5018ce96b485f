import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountError, type AccountErrorCode } from '../../src/adapters/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import type { AdapterMethodName } from '../../src/adapters/types';
import { TokenPanel } from '../../src/components/token-panel';
import { en } from '../../src/i18n/en';
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
