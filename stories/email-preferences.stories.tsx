import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryAdapter, withoutMethods } from '../src/adapters/memory';
import { EmailPreferences } from '../src/components/email-preferences';
import { AccountProvider } from '../src/provider/account-provider';

const NEWSLETTER = 'Subscribe to news and tips';
const HOUR = 60 * 60 * 1000;

/** The preferences with a fresh adapter that cannot save them, as a read-only backend would be. */
function ReadOnlyPreferences() {
  const adapter = useMemo(() => withoutMethods(createMemoryAdapter(), ['updateEmailPreferences']), []);
  return (
    <AccountProvider adapter={adapter}>
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: NEWSLETTER });
    await expect(box).not.toBeChecked();
    await userEvent.click(box);
    await expect(box).toBeChecked();
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: 'Email preferences' })).toHaveAttribute('data-state', 'ready'),
    );
    await expect(box).toBeChecked();
  },
};

/** A slow adapter: a busy skeleton until the preferences arrive. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getEmailPreferences: HOUR } } },
  play: async ({ canvasElement }) => {
    const group = within(canvasElement).getByRole('group', { name: 'Email preferences' });
    await expect(group).toHaveAttribute('aria-busy', 'true');
    await expect(within(group).getByText('Loading email preferences…')).toBeVisible();
  },
};

/** The backend reports no preferences. */
export const Empty: Story = {
  parameters: { adapter: { seed: { emailPreferences: [] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('There are no email preferences to set.')).toBeVisible();
    await expect(canvas.queryByRole('checkbox')).toBeNull();
  },
};

/** Loading fails: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { getEmailPreferences: 'network' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** A slow save: the row is busy, with a spinner, until the server answers. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { updateEmailPreferences: HOUR } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.click(box);
    await expect(box).toBeChecked();
    const row = box.closest('[data-slot="ras-email-preference"]');
    await expect(row).toHaveAttribute('aria-busy', 'true');
    await expect(row?.querySelector('[data-slot="ras-spinner"]')).toBeVisible();
    await expect(box).toHaveAccessibleDescription('Saving…');
  },
};

/** The save fails: the checkbox goes back and an alert names the preference, with Retry. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { updateEmailPreferences: 'server' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('checkbox', { name: NEWSLETTER });
    await userEvent.click(box);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      `Your change to “${NEWSLETTER}” wasn't saved. The server had a problem.`,
    );
    await expect(box).not.toBeChecked();
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('checkbox', { name: NEWSLETTER })).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Product updates' })).not.toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Weekly activity digest' })).toBeChecked();
  },
};

/** An adapter without `updateEmailPreferences`: the checkboxes are shown but can't be changed. */
export const ReadOnly: Story = {
  render: () => <ReadOnlyPreferences />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('checkbox', { name: NEWSLETTER })).toBeDisabled();
    await expect(canvas.getByText("These preferences can't be changed here.")).toBeVisible();
  },
};
