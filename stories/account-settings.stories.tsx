import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { useState } from 'react';
import { ACCOUNT_SECTIONS, AccountSettings, type AccountSettingsProps } from '../src/components/account-settings';
import type { AdapterParameters } from '../.storybook/preview';
import { storyText } from './support/story-text';

const meta = {
  title: 'Page/AccountSettings',
  component: AccountSettings,
  // A section id is one of the page's own or a host's (`string & {}`), which docgen can't list.
  argTypes: {
    section: { control: 'select', options: [...ACCOUNT_SECTIONS] },
    defaultSection: { control: 'select', options: [...ACCOUNT_SECTIONS] },
    sections: { control: 'check', options: [...ACCOUNT_SECTIONS] },
  },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof AccountSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The whole page, opened on Profile. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const nav = canvas.getByRole('navigation', { name: t('settings.nav') });
    await expect(within(nav).getByRole('button', { name: t('settings.section.personal-info') })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(await canvas.findByRole('textbox', { name: t('profile.firstName') })).toHaveValue('Heidi');
  },
};

/** Opened on Hotkeys by the host's router. */
export const HotkeysSection: Story = {
  args: { section: 'hotkeys' },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: t('settings.section.hotkeys'), level: 2 })).toBeVisible();
    await expect(await canvas.findByRole('searchbox', { name: t('hotkeys.editor.search') })).toBeVisible();
  },
};

/** Leaving a section with unsaved changes asks first. */
export const UnsavedChanges: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: t('profile.phone') }), '555');
    await userEvent.click(canvas.getByRole('button', { name: t('settings.section.membership-info') }));
    const dialog = await body(canvasElement).findByRole('alertdialog', { name: t('settings.leaveTitle') });
    await expect(dialog).toHaveTextContent(
      t('settings.leaveDescription', { section: t('settings.section.personal-info') }),
    );
  },
};

/** The organization turned personal access tokens off: that section is not offered. */
export const PersonalTokensOff: Story = {
  parameters: {
    adapter: {
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: true, maxActivePersonalTokens: 1 } },
    } satisfies AdapterParameters['adapter'],
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: t('settings.section.legacy-token') })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('settings.section.personal-access-token') })).toBeNull();
  },
};

/** Token settings still loading: the menu says so; the token sections appear when they arrive. */
export const Loading: Story = {
  parameters: {
    adapter: {
      latencyMs: { getTokenSettings: 60 * 60 * 1000, getCurrentUser: 60 * 60 * 1000 },
    } satisfies AdapterParameters['adapter'],
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(canvas.getByText(t('settings.loading'))).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('button', { name: t('settings.section.legacy-token') })).toBeNull();
  },
};

/** The backend is unreachable: each section shows its alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: 'network' } satisfies AdapterParameters['adapter'] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const alerts = await canvas.findAllByRole('alert');
    await expect(alerts[0]).toHaveTextContent(t('error.network'));
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
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const nav = canvas.getByRole('navigation', { name: t('settings.nav') });
    const billing = await within(nav).findByRole('link', { name: 'Billing' });
    await expect(billing).toHaveAttribute('href', '/account/billing');
    await userEvent.click(billing);
    await expect(await canvas.findByRole('heading', { name: 'Billing', level: 2 })).toHaveFocus();
    await expect(canvas.getByText('You are on the Team plan.')).toBeVisible();
    await expect(billing).toHaveAttribute('aria-current', 'page');
  },
};
