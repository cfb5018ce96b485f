import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createDefaultSeed } from '../src/adapters/memory';
import { SignUpForm } from '../src/components/sign-up-form';

/** The token of the seed's invite link, as a host reads it from `?token=`. */
const INVITE_TOKEN = new URL(createDefaultSeed().inviteUrl, 'http://host').searchParams.get('token')!;

const meta = {
  title: 'Session/SignUpForm',
  component: SignUpForm,
  args: { signInHref: '#sign-in' },
} satisfies Meta<typeof SignUpForm>;

export default meta;
type Story = StoryObj<typeof meta>;

async function fill(canvasElement: HTMLElement, email: string, password: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByRole('textbox', { name: 'Email' }), email);
  await userEvent.type(canvas.getByLabelText('Password', { exact: true }), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
  return canvas;
}

/** An open sign-up: the password hint names the rule; creating the account signs the new person in. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Use 8 to 64 characters.')).toBeVisible();
    await fill(canvasElement, 'new.person@example.com', 'long enough');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Account created.'));
  },
};

/** A slow sign-up: the button says Creating account… and is busy. */
export const Submitting: Story = {
  parameters: { adapter: { latencyMs: { signUp: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('button', { name: 'Creating account…' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** The server fails: one alert with Retry, and everything typed stays. */
export const Error: Story = {
  parameters: { adapter: { fail: { signUp: 'server' } } },
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server had a problem.');
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.getByLabelText('Password', { exact: true })).toHaveValue('long enough');
  },
};

/** Too many sign-ups from here: the wait counts down and Create account waits with it. */
export const RateLimited: Story = {
  parameters: {
    adapter: {
      fail: { signUp: new AccountError('rate_limited', 'Too many attempts', { status: 429, retryAfterMs: 42_000 }) },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      /Too many attempts\. Try again in 4[12] seconds\./,
    );
    await expect(canvas.getByRole('button', { name: 'Create account' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A short password, named with the rule before any call; then the server's answer for a taken email, under the email. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement, 'heidi@example.com', 'short');
    const password = canvas.getByLabelText('Password', { exact: true });
    await expect(await canvas.findByText('This password is 5 characters long. Use 8 to 64 characters.')).toBeVisible();
    await waitFor(() => expect(password).toHaveFocus());
    await userEvent.type(password, ' and longer{Enter}');
    await expect(await canvas.findByText('An account with this email already exists. Sign in instead.')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Email' })).toHaveFocus());
  },
};

/** Still asking the backend whether sign-up is open: a busy skeleton, no form yet. */
export const PolicyLoading: Story = {
  parameters: { adapter: { latencyMs: { getSignUpPolicy: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Checking your invitation…')).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="ras-sign-up-form"]')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** A link that was reset: it says so, and there is no form. */
export const InviteInvalid: Story = {
  args: { inviteToken: 'reset-long-ago' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      'This invitation link is no longer valid. Ask for a new one.',
    );
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** Sign-up restricted to invitation links, opened without one: it says why, and there is no form. */
export const InviteRequired: Story = {
  parameters: { adapter: { seed: { signUpRequiresInvite: true } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      'Sign-up needs an invitation link. Ask a member of the organization to send you one.',
    );
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** Through a valid invite link: it names the organization the new person joins. */
export const JoiningOrganization: Story = {
  args: { inviteToken: INVITE_TOKEN },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(`You're joining ${createDefaultSeed().organization.title}.`)).toBeVisible();
    await fill(canvasElement, 'invited@example.com', 'long enough');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Account created.'));
  },
};
