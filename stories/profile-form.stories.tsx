import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createMemoryAdapter, withoutMethods } from '../src/adapters/memory';
import { ProfileForm } from '../src/components/profile-form';
import { AccountProvider } from '../src/provider/account-provider';
import { storyText } from './support/story-text';

const meta = {
  title: 'Profile/ProfileForm',
  component: ProfileForm,
  args: { style: { maxWidth: 720 } },
} satisfies Meta<typeof ProfileForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The saved profile; Save waits for a change. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: t('profile.firstName') })).toHaveValue('Heidi');
    await expect(canvas.getByRole('button', { name: t('profile.save') })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Edit, save, and see "Profile saved". */
export const EditAndSave: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const first = await canvas.findByRole('textbox', { name: t('profile.firstName') });
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.click(canvas.getByRole('button', { name: t('profile.save') }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('profile.saved')));
  },
};

/** The user is still loading. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getCurrentUser: 60 * 60 * 1000 } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    await expect(within(canvasElement).getByRole('form', { name: t('profile.title') })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** Loading failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getCurrentUser: 'network' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** A slow save: the button says Saving… and is busy. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { updateProfile: 60 * 60 * 1000 } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: t('profile.phone') }), '+1 555 0100');
    await userEvent.click(canvas.getByRole('button', { name: t('profile.save') }));
    await expect(await canvas.findByRole('button', { name: t('profile.saving') })).toHaveAttribute('aria-busy', 'true');
  },
};

/** Too long for the server: the message names the limit and the value, and Save is held back. */
export const FieldErrors: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const last = await canvas.findByRole('textbox', { name: t('profile.lastName') });
    await userEvent.click(last);
    await userEvent.paste('x'.repeat(300));
    await expect(await canvas.findByText(t('profile.tooLong', { length: 307, max: 256 }))).toBeVisible();
    await expect(last).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A phone number with letters: only a hint, never an error, and the name change beside it saves. */
export const PhoneHint: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, pattern } = storyText({ globals });
    const canvas = within(canvasElement);
    const phone = await canvas.findByRole('textbox', { name: t('profile.phone') });
    await userEvent.clear(phone);
    await userEvent.type(phone, '555-0100 ext. 7');
    // The hint names each unusual character, quoted as the locale quotes.
    const hint = await canvas.findByText(pattern('profile.phoneUnusual'));
    await expect(hint).toBeVisible();
    for (const character of ['e', 'x', 't']) {
      await expect(hint).toHaveTextContent(t('profile.quotedCharacter', { character }));
    }
    await expect(phone).toHaveAttribute('aria-invalid', 'false');
    await expect(phone).toHaveAccessibleDescription(hint.textContent!);
    const first = canvas.getByRole('textbox', { name: t('profile.firstName') });
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.click(canvas.getByRole('button', { name: t('profile.save') }));
    await expect(await canvas.findByText(t('profile.saved'))).toBeVisible();
  },
};

/** The server refuses a field: its message shows under it and focus moves there. */
export const ServerFieldErrors: Story = {
  parameters: {
    adapter: {
      fail: {
        updateProfile: new AccountError('validation', 'Invalid', {
          status: 400,
          fieldErrors: { firstName: ['This name is not allowed here.'] },
        }),
      },
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: t('profile.lastName') }), '!');
    await userEvent.click(canvas.getByRole('button', { name: t('profile.save') }));
    await expect(await canvas.findByText('This name is not allowed here.')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('textbox', { name: t('profile.firstName') })).toHaveFocus());
  },
};

/** The save fails: the typed values stay, with Retry. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { updateProfile: 'server' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const phone = await canvas.findByRole('textbox', { name: t('profile.phone') });
    await userEvent.type(phone, '555 0100');
    await userEvent.click(canvas.getByRole('button', { name: t('profile.save') }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.server'));
    await expect(phone).toHaveValue('555 0100');
  },
};

/** A backend that can't change the profile: fields are read-only and there is no Save. */
export const ReadOnly: Story = {
  // Its own provider, in the toolbar's locale.
  render: (args, { globals }) => (
    <AccountProvider
      adapter={withoutMethods(createMemoryAdapter(), ['updateProfile'])}
      locale={String(globals.locale ?? 'en-US')}
    >
      <ProfileForm {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: t('profile.firstName') })).toHaveAttribute('readonly');
    await expect(canvas.queryByRole('button', { name: t('profile.save') })).toBeNull();
  },
};
