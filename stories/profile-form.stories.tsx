import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createMemoryAdapter, withoutMethods } from '../src/adapters/memory';
import { ProfileForm } from '../src/components/profile-form';
import { AccountProvider } from '../src/provider/account-provider';

const meta = {
  title: 'Profile/ProfileForm',
  component: ProfileForm,
  args: { style: { maxWidth: 720 } },
} satisfies Meta<typeof ProfileForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The saved profile; Save waits for a change. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    await expect(canvas.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Edit, save, and see "Profile saved". */
export const EditAndSave: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const first = await canvas.findByRole('textbox', { name: 'First name' });
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Profile saved'));
  },
};

/** The user is still loading. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getCurrentUser: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('form', { name: 'Profile' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** Loading failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getCurrentUser: 'network' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** A slow save: the button says Saving… and is busy. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { updateProfile: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Phone' }), '+1 555 0100');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByRole('button', { name: 'Saving…' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** Too long for the server: the message names the limit and the value, and Save is held back. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const last = await canvas.findByRole('textbox', { name: 'Last name' });
    await userEvent.click(last);
    await userEvent.paste('x'.repeat(300));
    await expect(await canvas.findByText('This is 307 characters long. The longest allowed is 256.')).toBeVisible();
    await expect(last).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A phone number with letters: only a hint, never an error, and the name change beside it saves. */
export const PhoneHint: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const phone = await canvas.findByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '555-0100 ext. 7');
    const hint = 'Phone numbers rarely contain “e”, “x”, or “t”. You can still save it as it is.';
    await expect(await canvas.findByText(hint)).toBeVisible();
    await expect(phone).toHaveAttribute('aria-invalid', 'false');
    await expect(phone).toHaveAccessibleDescription(hint);
    const first = canvas.getByRole('textbox', { name: 'First name' });
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Profile saved')).toBeVisible();
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Last name' }), '!');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('This name is not allowed here.')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'First name' })).toHaveFocus());
  },
};

/** The save fails: the typed values stay, with Retry. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { updateProfile: 'server' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const phone = await canvas.findByRole('textbox', { name: 'Phone' });
    await userEvent.type(phone, '555 0100');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server had a problem');
    await expect(phone).toHaveValue('555 0100');
  },
};

/** A backend that can't change the profile: fields are read-only and there is no Save. */
export const ReadOnly: Story = {
  render: (args) => (
    <AccountProvider adapter={withoutMethods(createMemoryAdapter(), ['updateProfile'])}>
      <ProfileForm {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: 'First name' })).toHaveAttribute('readonly');
    await expect(canvas.queryByRole('button', { name: 'Save' })).toBeNull();
  },
};
