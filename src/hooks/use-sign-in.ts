import { useEffect } from 'react';
import * as z from 'zod/mini';
import type { AccountError } from '../adapters/errors';
import type { AccountAdapter, User } from '../adapters/types';
import {
  emailSchema,
  useCredentialsForm,
  type CredentialsFormFields,
  type CredentialsValues,
} from './use-credentials-form';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { shareSignedInUser } from './use-current-user';
import { useTranslate, type Translate } from './use-translate';

/** Options of `useSignIn`. */
export interface UseSignInOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** Called with the signed-in user after a successful sign-in (navigate on from here). */
  onSignedIn?: (user: User) => void;
}

/** What `useSignIn` returns: the form's state, its submit, and prop getters for an unstyled form. */
export interface UseSignInResult extends CredentialsFormFields {
  /** Whether the adapter can sign anyone in at all (it has `signIn`). */
  canSignIn: boolean;
}

/**
 * Builds the sign-in schema with messages in the catalogue's words: an email shaped like one and
 * a password that isn't empty. Lengths are left to the backend: an existing password may predate
 * today's rules.
 */
export function createSignInSchema(t: Translate) {
  return z.object({
    email: emailSchema(t),
    password: z.string().check(z.minLength(1, { error: t('auth.passwordMissing') })),
  });
}

function describeSignInError(error: AccountError, t: Translate): string | undefined {
  // On this form `unauthorized` means the credentials, not an ended session.
  if (error.code === 'unauthorized') return t('signIn.invalidCredentials');
  if (error.code === 'forbidden') return t('signIn.forbidden');
  return undefined;
}

/**
 * The headless sign-in form: checks the email and password, signs in once through
 * `adapter.signIn`, shows the server's field errors under their fields, waits out a rate limit,
 * and keeps everything typed on any failure.
 *
 * @example
 * const signIn = useSignIn({ onSignedIn: () => navigate('/') });
 * <form onSubmit={signIn.submit.run}><input {...signIn.getInputProps('email')} /></form>
 */
export function useSignIn(options: UseSignInOptions = {}): UseSignInResult {
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const canSignIn = typeof adapter.signIn === 'function';
  useEffect(() => {
    if (!canSignIn) warnMissingMethod('SignInForm', 'signIn');
  }, [canSignIn]);

  const fields = useCredentialsForm({
    schema: createSignInSchema(t),
    t,
    perform: (values: CredentialsValues, signal) => {
      if (!adapter.signIn) return Promise.reject(new Error('signIn is missing'));
      return adapter.signIn({ email: values.email, password: values.password }, { signal });
    },
    onDone: (user) => {
      shareSignedInUser(adapter, user);
      options.onSignedIn?.(user);
    },
    autoComplete: { email: 'username', password: 'current-password' },
    describe: (error) => describeSignInError(error, t),
  });
  return { ...fields, canSignIn };
}
