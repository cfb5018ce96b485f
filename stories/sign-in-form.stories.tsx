import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createDefaultSeed, createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../src/adapters/memory';
import { ProfileForm } from '../src/components/profile-form';
import { SignInForm } from '../src/components/sign-in-form';
import { AccountProvider } from '../src/provider/account-provider';
import { storyText, toolbarLocale } from './support/story-text';

/** The seed account, which signs in with the seed password. */
const SEED_USER = createDefaultSeed().user;
const EMAIL = SEED_USER.email;

const meta = {
  title: 'Session/SignInForm',
  component: SignInForm,
  args: { signUpHref: '#sign-up' },
} satisfies Meta<typeof SignInForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type the seed account's email and password, press Enter, and be signed in. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('auth.email') }), EMAIL);
    await userEvent.type(canvas.getByLabelText(t('auth.password'), { exact: true }), `${DEFAULT_SEED_PASSWORD}{Enter}`);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('signIn.signedIn')));
  },
};

/** A slow sign-in: the button says Signing in… and is busy. */
export const Submitting: Story = {
  parameters: { adapter: { latencyMs: { signIn: 60 * 60 * 1000 } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('auth.email') }), EMAIL);
    await userEvent.type(canvas.getByLabelText(t('auth.password'), { exact: true }), DEFAULT_SEED_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: t('signIn.submit') }));
    await expect(await canvas.findByRole('button', { name: t('signIn.submitting') })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** A wrong password: one alert, no Retry, and both values stay as typed. */
export const Error: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const password = canvas.getByLabelText(t('auth.password'), { exact: true });
    await userEvent.type(canvas.getByRole('textbox', { name: t('auth.email') }), EMAIL);
    await userEvent.type(password, 'not the password');
    await userEvent.click(canvas.getByRole('button', { name: t('signIn.submit') }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('signIn.invalidCredentials'));
    await expect(canvas.queryByRole('button', { name: t('common.retry') })).toBeNull();
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
  play: async ({ canvasElement, globals }) => {
    const { t, source } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('auth.email') }), EMAIL);
    await userEvent.type(canvas.getByLabelText(t('auth.password'), { exact: true }), DEFAULT_SEED_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: t('signIn.submit') }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      // The countdown may have ticked once by the time the alert is read.
      new RegExp(`${source('auth.rateLimited', { count: 42 })}|${source('auth.rateLimited', { count: 41 })}`),
    );
    await expect(canvas.getByRole('button', { name: t('signIn.submit') })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Sent empty: each field says what it needs, and focus goes to the first. */
export const FieldErrors: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('signIn.submit') }));
    const email = canvas.getByRole('textbox', { name: t('auth.email') });
    await waitFor(() => expect(email).toHaveAccessibleDescription(t('auth.emailMissing')));
    await expect(canvas.getByLabelText(t('auth.password'), { exact: true })).toHaveAccessibleDescription(
      t('auth.passwordMissing'),
    );
    await expect(email).toHaveFocus();
  },
};

/** A session that ended: with the provider's `onUnauthorized`, the ProfileForm offers "Sign in again" (Retry beside it), which here shows the sign-in form, and signing in brings the profile back. */
export const SignInAgain: Story = {
  render: function SignInAgainStory(args, context) {
    const adapter = useMemo(() => createMemoryAdapter({ seed: { signedIn: false } }), []);
    const [signingIn, setSigningIn] = useState(false);
    return (
      <AccountProvider
        adapter={adapter}
        theme={context.globals.theme === 'dark' ? 'dark' : 'light'}
        locale={toolbarLocale(context.globals)}
        onUnauthorized={() => setSigningIn(true)}
      >
        {signingIn ? <SignInForm {...args} onSignedIn={() => setSigningIn(false)} /> : <ProfileForm />}
      </AccountProvider>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('error.unauthorized'));
    // Sign in again comes first; Retry stays beside it, to read again once signed in.
    await expect(
      within(alert)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual([t('common.signInAgain'), t('common.retry')]);
    await userEvent.click(canvas.getByRole('button', { name: t('common.signInAgain') }));
    await userEvent.type(await canvas.findByRole('textbox', { name: t('auth.email') }), EMAIL);
    await userEvent.type(canvas.getByLabelText(t('auth.password'), { exact: true }), `${DEFAULT_SEED_PASSWORD}{Enter}`);
    await expect(await canvas.findByRole('textbox', { name: t('profile.firstName') })).toHaveValue(SEED_USER.firstName);
  },
};
