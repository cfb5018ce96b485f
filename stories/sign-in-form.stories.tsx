import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../src/adapters/memory';
import { ProfileForm } from '../src/components/profile-form';
import { SignInForm } from '../src/components/sign-in-form';
import { AccountProvider } from '../src/provider/account-provider';

const EMAIL = 'heidi@example.com';

const meta = {
  title: 'Session/SignInForm',
  component: SignInForm,
  args: { signUpHref: '#sign-up' },
} satisfies Meta<typeof SignInForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type the seed account's email and password, press Enter, and be signed in. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email' }), EMAIL);
    await userEvent.type(canvas.getByLabelText('Password', { exact: true }), `${DEFAULT_SEED_PASSWORD}{Enter}`);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed in.'));
  },
};

/** A slow sign-in: the button says Signing in… and is busy. */
export const Submitting: Story = {
  parameters: { adapter: { latencyMs: { signIn: 60 * 60 * 1000 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email' }), EMAIL);
    await userEvent.type(canvas.getByLabelText('Password', { exact: true }), DEFAULT_SEED_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('button', { name: 'Signing in…' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** A wrong password: one alert, no Retry, and both values stay as typed. */
export const Error: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const password = canvas.getByLabelText('Password', { exact: true });
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email' }), EMAIL);
    await userEvent.type(password, 'not the password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent("The email and password you entered don't match.");
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await expect(password).toHaveValue('not the password');
  },
};

/** Too many attempts: the wait counts down and Sign in waits with it. */
export const RateLimited: Story = {
  parameters: {
    adapter: {
      fail: { signIn: new AccountError('rate_limited', 'Too many attempts', { status: 429, retryAfterMs: 42_000 }) },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Email' }), EMAIL);
    await userEvent.type(canvas.getByLabelText('Password', { exact: true }), DEFAULT_SEED_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      /Too many attempts\. Try again in 4[12] seconds\./,
    );
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Sent empty: each field says what it needs, and focus goes to the first. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    const email = canvas.getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAccessibleDescription('Enter your email address.'));
    await expect(canvas.getByLabelText('Password', { exact: true })).toHaveAccessibleDescription(
      'Enter your password.',
    );
    await expect(email).toHaveFocus();
  },
};

/** A session that ended: with the provider's `onUnauthorized`, the ProfileForm offers "Sign in again", which here shows the sign-in form, and signing in brings the profile back. */
export const SignInAgain: Story = {
  render: function SignInAgainStory(args, context) {
    const adapter = useMemo(() => createMemoryAdapter({ seed: { signedIn: false } }), []);
    const [signingIn, setSigningIn] = useState(false);
    return (
      <AccountProvider
        adapter={adapter}
        theme={context.globals.theme === 'dark' ? 'dark' : 'light'}
        onUnauthorized={() => setSigningIn(true)}
      >
        {signingIn ? <SignInForm {...args} onSignedIn={() => setSigningIn(false)} /> : <ProfileForm />}
      </AccountProvider>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session has ended.');
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in again' }));
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Email' }), EMAIL);
    await userEvent.type(canvas.getByLabelText('Password', { exact: true }), `${DEFAULT_SEED_PASSWORD}{Enter}`);
    await expect(await canvas.findByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
  },
};
