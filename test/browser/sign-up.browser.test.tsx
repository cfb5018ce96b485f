import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, withFaults, withoutMethods, type MemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter, User } from '../../src/adapters/types';
import { SignUpForm, type SignUpFormProps } from '../../src/components/sign-up-form';
import { labelStudioRules } from '../../src/label-studio/rules';
import { AccountProvider } from '../../src/provider/account-provider';

const { minLength, maxLength } = labelStudioRules.password;

async function inviteTokenOf(adapter: MemoryAdapter): Promise<string> {
  return new URL((await adapter.getInviteLink()).url, 'http://host').searchParams.get('token')!;
}

async function renderSignUp(adapter: AccountAdapter, props: SignUpFormProps = {}) {
  const screen = await render(
    <AccountProvider adapter={adapter} platform="other">
      <SignUpForm signInHref="/user/login/" {...props} />
    </AccountProvider>,
  );
  return screen;
}

async function openForm(adapter: AccountAdapter, props: SignUpFormProps = {}) {
  const screen = await renderSignUp(adapter, props);
  const email = screen.getByRole('textbox', { name: 'Email' });
  await expect.element(email).toBeVisible();
  return {
    screen,
    email,
    password: screen.getByLabelText('Password', { exact: true }),
    submit: screen.getByRole('button', { name: 'Create account' }),
  };
}

describe('SignUpForm in Chromium', () => {
  it('joins the inviting organization through the link, signed in, and says whom it joins', async () => {
    const memory = createMemoryAdapter();
    const organization = (await memory.getMembership()).organization!.title;
    const onSignedUp = vi.fn<(user: User) => void>();
    const { screen, email, password, submit } = await openForm(memory, {
      inviteToken: await inviteTokenOf(memory),
      onSignedUp,
    });
    await expect.element(screen.getByText(`You're joining ${organization}.`)).toBeVisible();
    await userEvent.fill(email, 'new.person@example.com');
    await userEvent.fill(password, 'long enough');
    await userEvent.click(submit);
    await expect.element(screen.getByRole('status')).toHaveTextContent('Account created.');
    expect(onSignedUp).toHaveBeenCalledWith(expect.objectContaining({ email: 'new.person@example.com' }));
    expect((await memory.getCurrentUser()).email).toBe('new.person@example.com');
  });

  it('gives password managers a new password: names, autocomplete, the lengths, and a hint naming the rule', async () => {
    const { screen, email, password } = await openForm(createMemoryAdapter());
    await expect.element(email).toHaveAttribute('name', 'email');
    await expect.element(email).toHaveAttribute('autocomplete', 'email');
    await expect.element(email).toHaveAttribute('type', 'email');
    await expect.element(password).toHaveAttribute('name', 'password');
    await expect.element(password).toHaveAttribute('autocomplete', 'new-password');
    await expect.element(password).toHaveAttribute('minlength', String(minLength));
    await expect.element(password).toHaveAttribute('maxlength', String(maxLength));
    await expect.element(password).toHaveAccessibleDescription(`Use ${minLength} to ${maxLength} characters.`);
    expect(screen.getByRole('form', { name: 'Create an account' }).element().tagName).toBe('FORM');
    expect((await axe.run(screen.container)).violations.map((violation) => violation.id)).toEqual([]);
  });

  it('names the limit and the length of a short password before any call, focusing it and keeping it', async () => {
    const memory = createMemoryAdapter();
    const signUp = vi.spyOn(memory, 'signUp');
    const { screen, email, password, submit } = await openForm(memory);
    await userEvent.fill(email, 'new.person@example.com');
    await userEvent.fill(password, 'short');
    await userEvent.click(submit);
    const message = `This password is 5 characters long. Use ${minLength} to ${maxLength} characters.`;
    await expect.element(screen.getByText(message)).toBeVisible();
    await expect.element(password).toHaveFocus();
    await expect
      .element(password)
      .toHaveAccessibleDescription(`${message} Use ${minLength} to ${maxLength} characters.`);
    await expect.element(password).toHaveValue('short');
    expect(signUp).not.toHaveBeenCalled();
  });

  it('is used with the keyboard alone: Tab order, then Enter creates the account', async () => {
    const memory = createMemoryAdapter();
    const { screen, email } = await openForm(memory);
    (document.activeElement as HTMLElement | null)?.blur();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await userEvent.keyboard('{Tab}');
      const active = document.activeElement as HTMLElement;
      order.push(active.getAttribute('name') ?? active.textContent ?? '');
    }
    expect(order).toEqual(['email', 'password', 'Show password', 'Create account', 'Already have an account? Sign in']);
    email.element().focus();
    await userEvent.keyboard('keys@example.com{Tab}typed on keys{Enter}');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Account created.');
  });

  it('shows the server field errors under their fields (a taken email), focusing it and keeping the values', async () => {
    const memory = createMemoryAdapter();
    const { screen, email, password, submit } = await openForm(memory);
    await userEvent.fill(email, 'heidi@example.com');
    await userEvent.fill(password, 'long enough');
    await userEvent.click(submit);
    await expect
      .element(email)
      .toHaveAccessibleDescription('An account with this email already exists. Sign in instead.');
    await expect.element(email).toHaveFocus();
    await expect.element(email).toHaveValue('heidi@example.com');
    await expect.element(password).toHaveValue('long enough');
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a password the server refuses under the password', async () => {
    const adapter = withFaults(createMemoryAdapter(), {
      fail: {
        signUp: new AccountError('validation', 'Invalid', {
          status: 400,
          fieldErrors: { password: ['This password is too common.'] },
        }),
      },
    });
    const { email, password, submit } = await openForm(adapter);
    await userEvent.fill(email, 'new.person@example.com');
    await userEvent.fill(password, 'password1');
    await userEvent.click(submit);
    await expect
      .element(password)
      .toHaveAccessibleDescription(`This password is too common. Use ${minLength} to ${maxLength} characters.`);
    await expect.element(password).toHaveFocus();
  });

  it('shows a skeleton while it asks whether sign-up is open', async () => {
    const adapter = withFaults(createMemoryAdapter(), { latencyMs: { getSignUpPolicy: 60_000 } });
    const screen = await renderSignUp(adapter);
    await expect.element(screen.getByText('Checking your invitation…')).toBeVisible();
    expect(screen.container.querySelector('[data-slot="ras-sign-up-form"]')).toHaveAttribute('aria-busy', 'true');
    expect(screen.container.querySelector('input')).toBeNull();
  });

  it('says an invitation is needed, with no form, when sign-up is restricted to invite links', async () => {
    const screen = await renderSignUp(createMemoryAdapter({ seed: { signUpRequiresInvite: true } }));
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Sign-up needs an invitation link. Ask a member of the organization to send you one.');
    expect(screen.container.querySelector('form')).toBeNull();
    await expect.element(screen.getByRole('link', { name: 'Already have an account? Sign in' })).toBeVisible();
  });

  it('says a reset invitation link is no longer valid, with no form', async () => {
    const memory = createMemoryAdapter();
    const oldToken = await inviteTokenOf(memory);
    await memory.resetInviteLink();
    const screen = await renderSignUp(memory, { inviteToken: oldToken });
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('This invitation link is no longer valid. Ask for a new one.');
    expect(screen.container.querySelector('form')).toBeNull();
  });

  it('shows a link that stopped working between opening and sending as the form-level message, keeping the values', async () => {
    const memory = createMemoryAdapter();
    const { screen, email, password, submit } = await openForm(memory, { inviteToken: await inviteTokenOf(memory) });
    await memory.resetInviteLink();
    await userEvent.fill(email, 'late@example.com');
    await userEvent.fill(password, 'long enough');
    await userEvent.click(submit);
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('This invitation link is no longer valid. Ask for a new one.');
    await expect.element(email).toHaveValue('late@example.com');
    await expect.element(password).toHaveValue('long enough');
  });

  it('offers Retry when asking about sign-up fails', async () => {
    const memory = createMemoryAdapter();
    let failures = 1;
    const adapter: AccountAdapter = {
      ...memory,
      getSignUpPolicy: (input, options) =>
        failures-- > 0 ? Promise.reject(new AccountError('server', 'down')) : memory.getSignUpPolicy(input, options),
    };
    const screen = await renderSignUp(adapter);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server had a problem.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect.element(screen.getByRole('textbox', { name: 'Email' })).toBeVisible();
  });

  it('says sign-up is not available when the adapter has no signUp, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const screen = await renderSignUp(withoutMethods(createMemoryAdapter(), ['signUp']));
    await expect.element(screen.getByText("Creating an account isn't available here.")).toBeVisible();
    expect(screen.container.querySelector('form')).toBeNull();
    expect(warn.mock.calls.filter(([message]) => String(message).includes('signUp()'))).toHaveLength(1);
    warn.mockRestore();
  });
});
