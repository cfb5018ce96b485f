import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import type { TokenSettings } from '../src/adapters/types';
import { TokenPanel } from '../src/components/token-panel';
import { TokenSettingsForm } from '../src/components/token-settings-form';
import { TOKEN_LIFETIME_DAYS } from '../src/hooks/use-token-settings-form';
import { storyText } from './support/story-text';

const HOUR = 60 * 60 * 1000;

/** An organization whose backend lets administrators set the personal-token lifetime (Label Studio Enterprise). */
const withLifetime: TokenSettings = {
  personalTokensEnabled: true,
  legacyTokenEnabled: false,
  maxActivePersonalTokens: 1,
  canChangeLifetime: true,
  personalTokenLifetimeDays: 30,
};

const meta = {
  title: 'Organization/TokenSettingsForm',
  component: TokenSettingsForm,
  args: { style: { maxWidth: 560 } },
  parameters: {
    docs: {
      description: {
        component:
          'The organization’s API token settings for administrators: personal access tokens and legacy tokens on or off, and where the backend allows it how long new personal tokens work. Hidden from members who may not change them.',
      },
    },
  },
} satisfies Meta<typeof TokenSettingsForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Both kinds on, as a fresh memory adapter has them; nothing to save yet. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('switch', { name: t('tokenSettings.personal') })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: t('tokenSettings.legacy') })).toBeChecked();
    await expect(canvas.getByRole('button', { name: t('tokenSettings.save') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(canvas.queryByRole('spinbutton')).toBeNull();
  },
};

/** A slow backend: "Loading token settings…" until the settings arrive. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getTokenSettings: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const form = within(canvasElement).getByRole('form', { name: t('tokenSettings.title') });
    await expect(form).toHaveAttribute('aria-busy', 'true');
    await expect(within(form).getByText(t('tokenSettings.loading'))).toBeVisible();
  },
};

/** Reading the settings fails: one alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getTokenSettings: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** A save under way: Save is busy and says so, and nothing can be sent twice. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { updateTokenSettings: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('switch', { name: t('tokenSettings.legacy') }));
    await userEvent.click(canvas.getByRole('button', { name: t('tokenSettings.save') }));
    const saving = await canvas.findByRole('button', { name: t('tokenSettings.saving') });
    await expect(saving).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('form')).toHaveAttribute('data-state', 'saving');
  },
};

/** A backend where the lifetime can be set: "Never expires" and a time-to-live in days. */
export const WithLifetime: Story = {
  parameters: { adapter: { seed: { tokenSettings: withLifetime } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t, number } = storyText({ globals });
    const canvas = within(canvasElement);
    const days = await canvas.findByRole('spinbutton', { name: t('tokenSettings.days') });
    await expect(days).toHaveValue(30);
    await expect(canvas.getByRole('switch', { name: t('tokenSettings.neverExpires') })).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: t('tokenSettings.legacy') })).not.toBeChecked();

    await userEvent.clear(days);
    await userEvent.type(days, '80000');
    await userEvent.click(canvas.getByRole('button', { name: t('tokenSettings.save') }));
    await expect(
      await canvas.findByText(
        t('tokenSettings.daysInvalid', {
          min: number(TOKEN_LIFETIME_DAYS.min),
          max: number(TOKEN_LIFETIME_DAYS.max),
          value: '80000',
        }),
      ),
    ).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A member the organization doesn't let change the settings: the form renders nothing. */
export const NotAllowed: Story = {
  parameters: { adapter: { seed: { permissions: { changeTokenSettings: false } } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="ras-token-settings-form"]')).toBeNull());
    await expect(within(canvasElement).queryByRole('switch')).toBeNull();
  },
};

/** Turning legacy tokens off: the warning, Save, "Token settings saved", and the TokenPanel below follows. */
export const ToggleAndSave: Story = {
  render: (args) => (
    <>
      <TokenSettingsForm {...args} />
      <TokenPanel show="legacy" />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const legacy = await canvas.findByRole('switch', { name: t('tokenSettings.legacy') });
    await expect(await canvas.findByRole('button', { name: t('tokens.legacy.show') })).toBeVisible();
    await userEvent.click(legacy);
    await expect(canvas.getByText(t('tokenSettings.legacyOff'))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('tokenSettings.save') }));
    await expect(await canvas.findByText(t('tokenSettings.saved'))).toBeVisible();
    await expect(await canvas.findByText(t('tokens.legacy.disabled'))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('tokens.legacy.show') })).toBeNull();
    await expect(canvas.getByRole('button', { name: t('tokenSettings.save') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};
