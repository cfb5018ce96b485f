import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryAdapter } from '../src/adapters/memory';
import type { CreatePersonalTokenInput, RequestOptions, TokenSettings } from '../src/adapters/types';
import * as defaultPreset from '../src/label-studio/default-preset';
import { TokenPanel } from '../src/components/token-panel';
import { AccountProvider } from '../src/provider/account-provider';
import type { AdapterParameters } from '../.storybook/preview';
import { storyText, toolbarLocale } from './support/story-text';

const meta = {
  title: 'Tokens/TokenPanel',
  component: TokenPanel,
  args: { style: { maxWidth: 760 } },
} satisfies Meta<typeof TokenPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** Curl examples as a Label Studio-style backend would give them. */
const tokenUsage = {
  personal:
    "curl -X POST https://label.example.com/api/token/refresh/ -H 'Content-Type: application/json' -d '{\"refresh\": \"{token}\"}'\ncurl https://label.example.com/api/projects/ -H 'Authorization: Bearer <access token>'",
  legacy: "curl https://label.example.com/api/projects/ -H 'Authorization: Token {token}'",
};

/** No personal token yet; the legacy token masked. */
export const NoTokens: Story = {
  parameters: { adapter: { tokenUsage } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('tokens.personal.empty'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('tokens.personal.create') })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
    await expect(canvas.getAllByText(/curl/).length).toBeGreaterThan(0);
  },
};

/** One active token: Create is unavailable, with the reason. */
export const OneToken: Story = {
  render: (args, { globals }) => {
    const adapter = createMemoryAdapter();
    void adapter.createPersonalToken({ expiresInDays: 90 });
    return (
      <AccountProvider adapter={adapter} locale={toolbarLocale(globals)}>
        <TokenPanel {...args} />
      </AccountProvider>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const create = await canvas.findByRole('button', { name: t('tokens.personal.create') });
    await waitFor(() => expect(create).toHaveAttribute('aria-disabled', 'true'));
    await expect(canvas.getByText(t('tokens.personal.limitOne'))).toBeVisible();
  },
};

/** The create dialog showing the new token once. */
export const CreateDialog: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, pattern } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.personal.create') }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: t('tokens.create.title') });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: t('tokens.create.expiry') }), '30');
    await userEvent.click(within(dialog).getByRole('button', { name: t('tokens.create.submit') }));
    await expect(await within(dialog).findByRole('textbox', { name: t('tokens.create.token') })).toBeVisible();
    await expect(within(dialog).getByText(pattern('tokens.create.expiresOn'))).toBeVisible();
  },
};

/** Closing before the token was copied: the question, with the way back to the token and the way out. */
export const CloseBeforeCopy: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const page = body(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.personal.create') }));
    const dialog = await page.findByRole('dialog', { name: t('tokens.create.title') });
    await userEvent.click(within(dialog).getByRole('button', { name: t('tokens.create.submit') }));
    const field = await within(dialog).findByRole('textbox', { name: t('tokens.create.token') });
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    const question = await page.findByRole('alertdialog', { name: t('tokens.create.closeTitle') });
    await expect(question).toHaveAccessibleDescription(t('tokens.create.closeDescription'));
    await expect(within(question).getByRole('button', { name: t('tokens.create.backToToken') })).toHaveFocus();
    await expect(within(question).getByRole('button', { name: t('tokens.create.closeAnyway') })).toBeVisible();
  },
};

/** A backend that sets each token's expiry by the organization's policy (like Label Studio's `api_token_ttl_days`). */
function policyAdapter(lifetimeDays: number | null) {
  const base = createMemoryAdapter();
  return {
    ...base,
    getTokenSettings: async (options?: RequestOptions): Promise<TokenSettings> => ({
      ...(await base.getTokenSettings(options)),
      canChooseExpiry: false,
      personalTokenLifetimeDays: lifetimeDays,
    }),
    createPersonalToken: (_input: CreatePersonalTokenInput, options?: RequestOptions) =>
      base.createPersonalToken({ expiresInDays: lifetimeDays }, options),
  };
}

/** The organization sets how long tokens work: the dialog says so instead of offering a choice. */
export const OrganizationExpiry: Story = {
  render: (args, { globals }) => (
    <AccountProvider adapter={policyAdapter(30)} locale={toolbarLocale(globals)}>
      <TokenPanel {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t, pattern } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.personal.create') }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: t('tokens.create.title') });
    await expect(within(dialog).getByText(t('tokens.create.policyDays', { count: 30 }))).toBeVisible();
    await expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: t('tokens.create.submit') }));
    await expect(await within(dialog).findByRole('textbox', { name: t('tokens.create.token') })).toBeVisible();
    await expect(within(dialog).getByText(pattern('tokens.create.expiresOn'))).toBeVisible();
  },
};

/** The organization's tokens never expire: the dialog says so. */
export const OrganizationNeverExpires: Story = {
  render: (args, { globals }) => (
    <AccountProvider adapter={policyAdapter(null)} locale={toolbarLocale(globals)}>
      <TokenPanel {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.personal.create') }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: t('tokens.create.title') });
    await expect(within(dialog).getByText(t('tokens.create.policyNever'))).toBeVisible();
    await expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
  },
};

/** Several tokens: each item shows and is named by its prefix, creation time and expiry. */
export const SeveralTokens: Story = {
  render: (args, { globals }) => {
    const adapter = createMemoryAdapter({ rules: { ...defaultPreset.rules, maxActivePersonalTokens: null } });
    void adapter.createPersonalToken({ expiresInDays: 30 }).then(() => adapter.createPersonalToken({}));
    return (
      <AccountProvider adapter={adapter} locale={toolbarLocale(globals)}>
        <TokenPanel {...args} />
      </AccountProvider>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const { t, source } = storyText({ globals });
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: t('tokens.personal.list') });
    const items = await waitFor(async () => {
      const found = within(list).getAllByRole('listitem');
      await expect(found).toHaveLength(2);
      return found;
    });
    const names = items.map((item) => item.querySelector('[data-slot="ras-token-prefix"]')?.textContent ?? '');
    const created = source('tokens.personal.created');
    await expect(items[0]).toHaveAccessibleName(
      expect.stringMatching(new RegExp(`^${names[0]} ${created} ${source('tokens.personal.expires')}`)),
    );
    await expect(items[1]).toHaveAccessibleName(
      expect.stringMatching(new RegExp(`^${names[1]} ${created} ${source('tokens.personal.neverExpires')}$`)),
    );
    await expect(names[0]).not.toBe(names[1]);
  },
};

/** Revoking asks first. */
export const RevokeConfirm: Story = {
  render: (args, { globals }) => {
    const adapter = createMemoryAdapter();
    void adapter.createPersonalToken({});
    return (
      <AccountProvider adapter={adapter} locale={toolbarLocale(globals)}>
        <TokenPanel {...args} />
      </AccountProvider>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const { t, pattern } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: pattern('tokens.personal.revokeLabel') }));
    const dialog = await body(canvasElement).findByRole('alertdialog');
    await expect(dialog).toHaveTextContent(t('tokens.personal.revokeDescription'));
  },
};

/** The organization turned both kinds off. */
export const DisabledByOrganization: Story = {
  parameters: {
    adapter: {
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: false, maxActivePersonalTokens: 1 } },
    } satisfies AdapterParameters['adapter'],
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('tokens.personal.disabled'))).toBeVisible();
    await expect(canvas.getByText(t('tokens.legacy.disabled'))).toBeVisible();
  },
};

/** The legacy token, shown on request. */
export const LegacyShown: Story = {
  args: { show: 'legacy' },
  parameters: { adapter: { tokenUsage } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('tokens.legacy.field') });
    await expect((field as HTMLInputElement).value).toMatch(/^•+$/);
    await userEvent.click(canvas.getByRole('button', { name: t('tokens.legacy.show') }));
    await expect((field as HTMLInputElement).value).toMatch(/^[0-9a-f]{40}$/);
    await expect(canvas.getByRole('button', { name: t('tokens.legacy.hide') })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Renewing asks first. */
export const RenewConfirm: Story = {
  args: { show: 'legacy' },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.legacy.renew') }));
    const dialog = await body(canvasElement).findByRole('alertdialog', { name: t('tokens.legacy.renewTitle') });
    await expect(dialog).toHaveTextContent(t('tokens.legacy.renewDescription'));
  },
};

/** The settings can't be read: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getTokenSettings: 'network' } } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** Loading. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getTokenSettings: 60 * 60 * 1000 } } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="ras-token-panel"]')).toHaveAttribute('aria-busy', 'true');
  },
};

/** Creating fails with a conflict: explained in the dialog. */
export const CreateConflict: Story = {
  parameters: { adapter: { fail: { createPersonalToken: 'conflict' } } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('tokens.personal.create') }));
    const dialog = await body(canvasElement).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: t('tokens.create.submit') }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(t('tokens.personal.conflict'));
  },
};
