import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD, withFaults, withoutMethods } from '../../src/adapters/memory';
import type { AccountAdapter, User } from '../../src/adapters/types';
import { SignInForm } from '../../src/components/sign-in-form';
import { AccountProvider } from '../../src/provider/account-provider';

const EMAIL = 'heidi@example.com';

async function renderSignIn(adapter: AccountAdapter = signedOut(), onSignedIn?: (user: User) => void) {
  const screen = await render(
    <AccountProvider adapter={adapter} platform="other" onUnauthorized={() => {}}>
      <SignInForm onSignedIn={onSignedIn} signUpHref="/user/signup/" />
    </AccountProvider>,
  );
  const email = screen.getByRole('textbox', { name: 'Email' });
  const password = screen.getByLabelText('Password', { exact: true });
  return { screen, email, password, submit: screen.getByRole('button', { name: 'Sign in' }) };
}

/** The seed account, signed out, as a sign-in page finds it. */
function signedOut() {
  return createMemoryAdapter({ seed: { signedIn: false } });
}

describe('SignInForm in Chromium', () => {
  it('gives password managers what they look for: a real form, names and autocomplete', async () => {
    const { screen, email, password } = await renderSignIn();
    const form = screen.getByRole('form', { name: 'Sign in' }).element();
    expect(form.tagName).toBe('FORM');
    await expect.element(email).toHaveAttribute('type', 'email');
    await expect.element(email).toHaveAttribute('name', 'email');
    await expect.element(email).toHaveAttribute('autocomplete', 'username');
    await expect.element(email).toHaveAttribute('inputmode', 'email');
    await expect.element(email).toHaveAttribute('autocapitalize', 'none');
    await expect.element(email).toHaveAttribute('spellcheck', 'false');
    await expect.element(password).toHaveAttribute('type', 'password');
    await expect.element(password).toHaveAttribute('name', 'password');
    await expect.element(password).toHaveAttribute('autocomplete', 'current-password');
    expect(form.querySelector('button[type="submit"]')?.textContent).toBe('Sign in');
    const results = await axe.run(screen.container);
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('is used with the keyboard alone: Tab through the fields, the toggle and Sign in, Enter signs in', async () => {
    const onSignedIn = vi.fn();
    const { screen, email, password } = await renderSignIn(signedOut(), onSignedIn);
    (document.activeElement as HTMLElement | null)?.blur();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await userEvent.keyboard('{Tab}');
      const active = document.activeElement as HTMLElement;
      order.push(active.getAttribute('name') ?? active.textContent ?? '');
    }
    expect(order).toEqual(['email', 'password', 'Show password', 'Sign in', 'Create an account']);

    email.element().focus();
    await userEvent.keyboard(EMAIL);
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(DEFAULT_SEED_PASSWORD);
    await expect.element(password).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Signed in.');
    expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ email: EMAIL }));
  });

  it('shows and hides the password with a pressed toggle, keeping what was typed', async () => {
    const { screen, password } = await renderSignIn();
    await userEvent.fill(password, 'secret words');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.element(password).toHaveAttribute('type', 'text');
    await expect.element(password).toHaveValue('secret words');
    await userEvent.click(toggle);
    await expect.element(password).toHaveAttribute('type', 'password');
  });

  it('checks empty fields and the email shape before any call, focusing the first invalid field', async () => {
    const memory = signedOut();
    const signIn = vi.spyOn(memory, 'signIn');
    const { screen, email, password, submit } = await renderSignIn(memory);
    await userEvent.click(submit);
    await expect.element(screen.getByText('Enter your email address.')).toBeVisible();
    await expect.element(screen.getByText('Enter your password.')).toBeVisible();
    await expect.element(email).toHaveFocus();
    await expect.element(email).toHaveAttribute('aria-invalid', 'true');
    await expect.element(email).toHaveAccessibleDescription('Enter your email address.');

    await userEvent.fill(email, 'heidi@example');
    await userEvent.fill(password, 'x');
    await userEvent.click(submit);
    await expect
      .element(screen.getByText('“heidi@example” is not an email address. Check it for typos.'))
      .toBeVisible();
    await expect.element(email).toHaveFocus();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('says the credentials do not match, without "Sign in again", and keeps both values', async () => {
    const { screen, email, password, submit } = await renderSignIn();
    await userEvent.fill(email, EMAIL);
    await userEvent.fill(password, 'not the password');
    await userEvent.click(submit);
    const alert = screen.getByRole('alert');
    await expect.element(alert).toHaveTextContent("The email and password you entered don't match.");
    expect(alert.element().querySelector('button')).toBeNull();
    await expect.element(email).toHaveValue(EMAIL);
    await expect.element(password).toHaveValue('not the password');
  });

  it('shows the server field errors under their fields and focuses the first', async () => {
    const adapter = withFaults(signedOut(), {
      fail: {
        signIn: new AccountError('validation', 'Invalid', {
          status: 400,
          fieldErrors: { password: ['This password was reset. Use the link in your email.'] },
        }),
      },
    });
    const { screen, email, password, submit } = await renderSignIn(adapter);
    await userEvent.fill(email, EMAIL);
    await userEvent.fill(password, 'old password');
    await userEvent.click(submit);
    await expect.element(password).toHaveAccessibleDescription('This password was reset. Use the link in your email.');
    await expect.element(password).toHaveFocus();
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
    await expect.element(password).toHaveValue('old password');
  });

  it('offers Retry after a network failure, and the retry signs in with the same values', async () => {
    const memory = signedOut();
    let failures = 1;
    const adapter: AccountAdapter = {
      ...memory,
      signIn: (input, options) =>
        failures-- > 0 ? Promise.reject(new AccountError('network', 'offline')) : memory.signIn(input, options),
    };
    const { screen, email, password, submit } = await renderSignIn(adapter);
    await userEvent.fill(email, EMAIL);
    await userEvent.fill(password, DEFAULT_SEED_PASSWORD);
    await userEvent.click(submit);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server could not be reached.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Signed in.');
  });

  it('counts the wait down after too many attempts, holds Sign in back, then lets it sign in', async () => {
    const memory = signedOut();
    let limited = true;
    const adapter: AccountAdapter = {
      ...memory,
      signIn: (input, options) => {
        if (!limited) return memory.signIn(input, options);
        limited = false;
        return Promise.reject(new AccountError('rate_limited', 'Slow down', { status: 429, retryAfterMs: 2_000 }));
      },
    };
    const { screen, email, password, submit } = await renderSignIn(adapter);
    await userEvent.fill(email, EMAIL);
    await userEvent.fill(password, DEFAULT_SEED_PASSWORD);
    await userEvent.click(submit);
    const alert = screen.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Too many attempts. Try again in 2 seconds.');
    await expect.element(submit).toHaveAttribute('aria-disabled', 'true');
    await expect.element(submit).toHaveAccessibleDescription('Too many attempts. Try again in 2 seconds.');
    await expect.element(alert, { timeout: 3_000 }).toHaveTextContent('Too many attempts. Try again in 1 second.');
    // Enter during the wait sends nothing: had it signed in, the status would say so once the wait is over.
    password.element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(submit, { timeout: 3_000 }).toHaveAttribute('aria-disabled', 'false');
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
    expect(screen.getByRole('status').element().textContent).toBe('');
    await expect.element(password).toHaveValue(DEFAULT_SEED_PASSWORD);
    await userEvent.click(submit);
    await expect.element(screen.getByRole('status')).toHaveTextContent('Signed in.');
  });

  it('says sign-in is not available when the adapter has no signIn, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const screen = await render(
      <AccountProvider adapter={withoutMethods(createMemoryAdapter(), ['signIn'])} platform="other">
        <SignInForm />
      </AccountProvider>,
    );
    await expect.element(screen.getByText("Signing in isn't available here.")).toBeVisible();
    expect(screen.container.querySelector('form')).toBeNull();
    expect(warn.mock.calls.filter(([message]) => String(message).includes('signIn()'))).toHaveLength(1);
    warn.mockRestore();
  });
});
