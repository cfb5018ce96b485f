import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { useSignIn } from '../../src/components/sign-in-form';
import { useSignUp } from '../../src/components/sign-up-form';
import { AccountProvider } from '../../src/provider/account-provider';

function wrapperFor(adapter: AccountAdapter) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <AccountProvider adapter={adapter}>{children}</AccountProvider>;
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useSignIn, headless', () => {
  it('counts the wait after a rate-limited attempt down second by second, blocking submits until it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const memory = createMemoryAdapter({ seed: { signedIn: false } });
    let limited = true;
    const adapter: AccountAdapter = {
      ...memory,
      signIn: (input, options) => {
        if (!limited) return memory.signIn(input, options);
        limited = false;
        return Promise.reject(new AccountError('rate_limited', 'Slow down', { status: 429, retryAfterMs: 42_000 }));
      },
    };
    const { result } = renderHook(() => useSignIn(), { wrapper: wrapperFor(adapter) });
    act(() => {
      result.current.form.setValue('email', 'heidi@example.com');
      result.current.form.setValue('password', DEFAULT_SEED_PASSWORD);
    });
    await act(() => result.current.submit.run());
    expect(result.current.errorMessage).toBe('Too many attempts. Try again in 42 seconds.');
    expect(result.current.retryInSeconds).toBe(42);
    expect(result.current.isBlocked).toBe(true);

    await act(() => vi.advanceTimersByTimeAsync(41_000));
    expect(result.current.errorMessage).toBe('Too many attempts. Try again in 1 second.');
    // A submit during the wait does not reach the adapter: nobody is signed in afterwards.
    await act(() => result.current.submit.run());
    expect(result.current.user).toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current.retryInSeconds).toBeNull();
    expect(result.current.isBlocked).toBe(false);
    expect(result.current.error).toBeNull();
    await act(() => result.current.submit.run());
    await waitFor(() => expect(result.current.user?.email).toBe('heidi@example.com'));
    // Nothing typed was lost along the way.
    expect(result.current.form.getValues()).toEqual({ email: 'heidi@example.com', password: DEFAULT_SEED_PASSWORD });
  });

  it('gives the password toggle a pressed state and flips the input between password and text', () => {
    const { result } = renderHook(() => useSignIn(), { wrapper: wrapperFor(createMemoryAdapter()) });
    expect(result.current.getPasswordToggleProps()['aria-pressed']).toBe(false);
    expect(result.current.getInputProps('password').type).toBe('password');
    act(() => result.current.getPasswordToggleProps().onClick());
    expect(result.current.getPasswordToggleProps()['aria-pressed']).toBe(true);
    expect(result.current.getInputProps('password').type).toBe('text');
  });
});

describe('useSignUp, headless', () => {
  it('names the rule from the rules it is given, on the input and in the hint', async () => {
    const rules = { minLength: 12, maxLength: 40 };
    const { result } = renderHook(() => useSignUp({ passwordRules: rules }), {
      wrapper: wrapperFor(createMemoryAdapter()),
    });
    await waitFor(() => expect(result.current.policy.status).toBe('success'));
    expect(result.current.passwordHint).toBe('Use 12 to 40 characters.');
    const password = result.current.getInputProps('password');
    expect([password.minLength, password.maxLength, password.autoComplete]).toEqual([12, 40, 'new-password']);
    expect(password['aria-describedby']).toBe(result.current.passwordHintId);
    act(() => {
      result.current.form.setValue('email', 'new@example.com');
      result.current.form.setValue('password', 'eleven char');
    });
    await act(() => result.current.submit.run());
    expect(result.current.fieldError('password')).toBe('This password is 11 characters long. Use 12 to 40 characters.');
    expect(result.current.user).toBeNull();
  });

  it('counts characters as the backend does, so an emoji is one', async () => {
    const { result } = renderHook(() => useSignUp(), { wrapper: wrapperFor(createMemoryAdapter()) });
    await waitFor(() => expect(result.current.policy.status).toBe('success'));
    act(() => {
      result.current.form.setValue('email', 'new@example.com');
      result.current.form.setValue('password', '🦔🦔🦔🦔🦔🦔🦔');
    });
    await act(() => result.current.submit.run());
    expect(result.current.fieldError('password')).toBe('This password is 7 characters long. Use 8 to 64 characters.');
  });
});
