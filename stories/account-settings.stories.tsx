import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { useState } from 'react';
import { AccountSettings, type AccountSettingsProps } from '../src/components/account-settings';
import type { AdapterParameters } from '../.storybook/preview';

const meta = {
  title: 'Page/AccountSettings',
  component: AccountSettings,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof AccountSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The whole page, opened on Profile. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = canvas.getByRole('navigation', { name: 'Account settings' });
    await expect(within(nav).getByRole('button', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');
    await expect(await canvas.findByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
  },
};

/** Opened on Hotkeys by the host's router. */
export const HotkeysSection: Story = {
  args: { section: 'hotkeys' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Hotkeys', level: 2 })).toBeVisible();
    await expect(await canvas.findByRole('searchbox', { name: 'Search shortcuts' })).toBeVisible();
  },
};

/** Leaving a section with unsaved changes asks first. */
export const UnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Phone' }), '555');
    await userEvent.click(canvas.getByRole('button', { name: 'Membership info' }));
    const dialog = await body(canvasElement).findByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(dialog).toHaveTextContent('Your changes in Profile are not saved yet.');
  },
};

/** The organization turned personal access tokens off: that section is not offered. */
export const PersonalTokensOff: Story = {
  parameters: {
    adapter: {
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: true, maxActivePersonalTokens: 1 } },
    } satisfies AdapterParameters['adapter'],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Legacy token' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Personal access token' })).toBeNull();
  },
};

/** Token settings still loading: the menu says so; the token sections appear when they arrive. */
export const Loading: Story = {
  parameters: {
    adapter: {
      latencyMs: { getTokenSettings: 60 * 60 * 1000, getCurrentUser: 60 * 60 * 1000 },
    } satisfies AdapterParameters['adapter'],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Loading settings…')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('button', { name: 'Legacy token' })).toBeNull();
  },
};

/** The backend is unreachable: each section shows its alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: 'network' } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alerts = await canvas.findAllByRole('alert');
    await expect(alerts[0]).toHaveTextContent('The server could not be reached');
  },
};

/** A host page with a client-side router: the path picks the section, the menu links to it. */
function RoutedSettings(props: AccountSettingsProps) {
  const [path, setPath] = useState('/account/personal-info');
  return (
    <AccountSettings
      {...props}
      section={path.slice('/account/'.length)}
      getSectionHref={(id) => `/account/${id}`}
      navigate={setPath}
    />
  );
}

/** The host's own Billing section after Email preferences, and the menu as links through the host's router. */
export const CustomSectionAndLinks: Story = {
  args: {
    customSections: [
      {
        id: 'billing',
        label: 'Billing',
        description: 'Your plan and invoices.',
        after: 'email-preferences',
        content: <p>You are on the Team plan.</p>,
      },
    ],
  },
  render: (args) => <RoutedSettings {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = canvas.getByRole('navigation', { name: 'Account settings' });
    const billing = await within(nav).findByRole('link', { name: 'Billing' });
    await expect(billing).toHaveAttribute('href', '/account/billing');
    await userEvent.click(billing);
    await expect(await canvas.findByRole('heading', { name: 'Billing', level: 2 })).toHaveFocus();
    await expect(canvas.getByText('You are on the Team plan.')).toBeVisible();
    await expect(billing).toHaveAttribute('aria-current', 'page');
  },
};
