import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { createDefaultSeed } from '../src/adapters/memory';
import { SignUpForm } from '../src/components/sign-up-form';
import * as defaultPreset from '../src/label-studio/default-preset';
import { storyText, type StoryText } from './support/story-text';

/** The password rule the memory adapter and the form share. */
const PASSWORD = { min: defaultPreset.rules.password.minLength, max: defaultPreset.rules.password.maxLength };

/** The memory adapter's default seed: its account, organization and invite link. */
const SEED = createDefaultSeed();
/** The token of the seed's invite link, as a host reads it from `?token=`. */
const INVITE_TOKEN = new URL(SEED.inviteUrl, 'http://host').searchParams.get('token')!;

const meta = {
  title: 'Session/SignUpForm',
  component: SignUpForm,
  args: { signInHref: '#sign-in' },
} satisfies Meta<typeof SignUpForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Types an email and a password and presses Create account. */
async function fill(canvasElement: HTMLElement, { t }: StoryText, email: string, password: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByRole('textbox', { name: t('auth.email') }), email);
  await userEvent.type(canvas.getByLabelText(t('auth.password'), { exact: true }), password);
  await userEvent.click(canvas.getByRole('button', { name: t('signUp.submit') }));
  return canvas;
}

/** An open sign-up: the password hint names the rule; creating the account signs the new person in. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('signUp.passwordHint', PASSWORD))).toBeVisible();
    await fill(canvasElement, text, 'new.person@example.com', 'long enough');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('signUp.signedUp')));
  },
};

/** A slow sign-up: the button says Creating account… and is busy. */
export const Submitting: Story = {
  parameters: { adapter: { latencyMs: { signUp: 60 * 60 * 1000 } } },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = await fill(canvasElement, text, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('button', { name: t('signUp.submitting') })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** The server fails: one alert with Retry, and everything typed stays. */
export const Error: Story = {
  parameters: { adapter: { fail: { signUp: 'server' } } },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = await fill(canvasElement, text, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.server'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(canvas.getByLabelText(t('auth.password'), { exact: true })).toHaveValue('long enough');
  },
};

/** Too many sign-ups from here: the wait counts down and Create account waits with it. */
export const RateLimited: Story = {
  parameters: {
    adapter: {
      fail: { signUp: new AccountError('rate_limited', 'Too many attempts', { status: 429, retryAfterMs: 42_000 }) },
    },
  },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = await fill(canvasElement, text, 'new.person@example.com', 'long enough');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      // The countdown may have ticked once by the time the alert is read.
      new RegExp(`${text.source('auth.rateLimited', { count: 42 })}|${text.source('auth.rateLimited', { count: 41 })}`),
    );
    await expect(canvas.getByRole('button', { name: t('signUp.submit') })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A short password, named with the rule before any call; then the server's answer for a taken email, under the email. */
export const FieldErrors: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = await fill(canvasElement, text, SEED.user.email, 'short');
    const password = canvas.getByLabelText(t('auth.password'), { exact: true });
    await expect(await canvas.findByText(t('signUp.passwordLength', { count: 5, ...PASSWORD }))).toBeVisible();
    await waitFor(() => expect(password).toHaveFocus());
    await userEvent.type(password, ' and longer{Enter}');
    // The backend's own words for a taken email (the memory adapter's, like Label Studio's), shown as it sends them.
    await expect(await canvas.findByText('An account with this email already exists. Sign in instead.')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('textbox', { name: t('auth.email') })).toHaveFocus());
  },
};

/** Still asking the backend whether sign-up is open: a busy skeleton, no form yet. */
export const PolicyLoading: Story = {
  parameters: { adapter: { latencyMs: { getSignUpPolicy: 60 * 60 * 1000 } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(canvas.getByText(t('signUp.checking'))).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="ras-sign-up-form"]')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** A link that was reset: it says so, and there is no form. */
export const InviteInvalid: Story = {
  args: { inviteToken: 'reset-long-ago' },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent(t('signUp.inviteInvalid'));
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** Sign-up restricted to invitation links, opened without one: it says why, and there is no form. */
export const InviteRequired: Story = {
  parameters: { adapter: { seed: { signUpRequiresInvite: true } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent(t('signUp.inviteRequired'));
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** Through a valid invite link: it names the organization the new person joins. */
export const JoiningOrganization: Story = {
  args: { inviteToken: INVITE_TOKEN },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('signUp.joining', { organization: SEED.organization.title }))).toBeVisible();
    await fill(canvasElement, text, 'invited@example.com', 'long enough');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('signUp.signedUp')));
  },
};
