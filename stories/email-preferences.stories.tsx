import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryAdapter, withoutMethods } from '../src/adapters/memory';
import { EmailPreferences } from '../src/components/email-preferences';
import { AccountProvider } from '../src/provider/account-provider';
import { storyText } from './support/story-text';

/** The newsletter's label from the adapter; the catalogue's own label for it wins where the component shows it. */
const NEWSLETTER = 'Subscribe to news and tips';
const HOUR = 60 * 60 * 1000;

/** The preferences with a fresh adapter that cannot save them, as a read-only backend would be. */
function ReadOnlyPreferences({ locale }: { locale: string }) {
  const adapter = useMemo(() => withoutMethods(createMemoryAdapter(), ['updateEmailPreferences']), []);
  return (
    <AccountProvider adapter={adapter} locale={locale}>
      <EmailPreferences />
    </AccountProvider>
  );
}

const meta = {
  title: 'Profile/EmailPreferences',
  component: EmailPreferences,
  parameters: {
    docs: {
      description: {
        component:
          'One checkbox per email subscription the adapter reports. A change saves at once, shows a spinner on its row, and goes back with an alert when it fails.',
      },
    },
  },
} satisfies Meta<typeof EmailPreferences>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Label Studio Community's one preference; toggling it saves at once. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const newsletter = t('email.preference.newsletter');
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: newsletter });
    await expect(box).not.toBeChecked();
    await userEvent.click(box);
    await expect(box).toBeChecked();
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: t('email.title') })).toHaveAttribute('data-state', 'ready'),
    );
    await expect(box).toBeChecked();
  },
};

/** A slow adapter: a busy skeleton until the preferences arrive. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getEmailPreferences: HOUR } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const group = within(canvasElement).getByRole('group', { name: t('email.title') });
    await expect(group).toHaveAttribute('aria-busy', 'true');
    await expect(within(group).getByText(t('email.loading'))).toBeVisible();
  },
};

/** The backend reports no preferences. */
export const Empty: Story = {
  parameters: { adapter: { seed: { emailPreferences: [] } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('email.empty'))).toBeVisible();
    await expect(canvas.queryByRole('checkbox')).toBeNull();
  },
};

/** Loading fails: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { getEmailPreferences: 'network' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await userEvent.click(canvas.getByRole('button', { name: t('common.retry') }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** A slow save: the row is busy, with a spinner, until the server answers. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { updateEmailPreferences: HOUR } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const newsletter = t('email.preference.newsletter');
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: newsletter });
    await userEvent.click(box);
    await expect(box).toBeChecked();
    const row = box.closest('[data-slot="ras-email-preference"]');
    await expect(row).toHaveAttribute('aria-busy', 'true');
    await expect(row?.querySelector('[data-slot="ras-spinner"]')).toBeVisible();
    await expect(box).toHaveAccessibleDescription(t('email.saving'));
  },
};

/** The save fails: the checkbox goes back and an alert names the preference, with Retry. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { updateEmailPreferences: 'server' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const newsletter = t('email.preference.newsletter');
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: newsletter });
    await userEvent.click(box);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('email.saveFailed', { label: newsletter, reason: t('error.server') }),
    );
    await expect(box).not.toBeChecked();
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** Several preferences: labels from the catalogue, the adapter, or the id. */
export const Several: Story = {
  parameters: {
    adapter: {
      seed: {
        emailPreferences: [
          { id: 'newsletter', label: NEWSLETTER, enabled: true },
          { id: 'product-updates', label: 'Product updates', enabled: false },
          { id: 'weekly-digest', label: 'Weekly activity digest', enabled: true },
        ],
      },
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const newsletter = t('email.preference.newsletter');
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('checkbox', { name: newsletter })).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Product updates' })).not.toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Weekly activity digest' })).toBeChecked();
  },
};

/** An adapter without `updateEmailPreferences`: the checkboxes are shown but can't be changed. */
export const ReadOnly: Story = {
  // Its own provider, in the toolbar's locale.
  render: (_args, { globals }) => <ReadOnlyPreferences locale={String(globals.locale ?? 'en-US')} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const newsletter = t('email.preference.newsletter');
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('checkbox', { name: newsletter })).toBeDisabled();
    await expect(canvas.getByText(t('email.readOnly'))).toBeVisible();
  },
};
