import { useEffect } from 'react';
import * as z from 'zod/mini';
import type { AccountError } from '../adapters/errors';
import type { AccountAdapter, SignUpPolicy, User } from '../adapters/types';
import type { PasswordRules } from '../core/rules';
import * as defaultPreset from '../label-studio/default-preset';
import {
  emailSchema,
  passwordLength,
  useCredentialsForm,
  type CredentialsFormFields,
  type CredentialsValues,
} from './use-credentials-form';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { shareSignedInUser } from './use-current-user';
import { readOf, useResource, type ReadState } from './use-resource';
import { useTranslate, type Translate } from './use-translate';

/** Options of `useSignUp`. */
export interface UseSignUpOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The invitation token from the invite link (`?token=…`), which the host reads from its URL; leave out for an open sign-up. */
  inviteToken?: string;
  /** Called with the new user, signed in, after a successful sign-up (navigate on from here). */
  onSignedUp?: (user: User) => void;
  /** The shortest and longest password the backend accepts. @default the default preset's `rules.password` (8 to 64) */
  passwordRules?: PasswordRules;
}

/** What `useSignUp` returns: whether sign-up is open, the form's state, its submit, and prop getters. */
export interface UseSignUpResult extends CredentialsFormFields {
  /**
   * Whether sign-up is open with this invitation (or without one), as `adapter.getSignUpPolicy`
   * says; an adapter without that method counts as open and lets the sign-up itself decide.
   */
  policy: ReadState<SignUpPolicy>;
  /** Whether the adapter can create accounts at all (it has `signUp`). */
  canSignUp: boolean;
  /** The password lengths the form checks and names. */
  passwordRules: PasswordRules;
  /** The hint under the password naming the rule ("Use 8 to 64 characters."). */
  passwordHint: string;
  /** The id of the password hint, which the password input is described by. */
  passwordHintId: string;
}

/**
 * Builds the sign-up schema with messages in the catalogue's words: an email shaped like one and
 * a password within `rules`, the message naming the limit and the actual length.
 */
export function createSignUpSchema(t: Translate, rules: PasswordRules) {
  const { minLength: min, maxLength: max } = rules;
  return z.object({
    email: emailSchema(t),
    password: z.string().check(
      z.minLength(1, { error: t('auth.passwordMissing'), abort: true }),
      z.refine(
        (password) => {
          const length = passwordLength(password);
          return length >= min && length <= max;
        },
        { error: (issue) => t('signUp.passwordLength', { count: passwordLength(String(issue.input)), min, max }) },
      ),
    ),
  });
}

const OPEN: SignUpPolicy = { allowed: true };

function describeSignUpError(error: AccountError, t: Translate): string | undefined {
  if (error.fieldErrors?.inviteToken?.length) return t('signUp.inviteInvalid');
  // A sign-up refused before any field is looked at: only an invitation opens it.
  if (error.code === 'forbidden') return t('signUp.inviteRequired');
  return undefined;
}

/**
 * The headless sign-up form: asks the backend whether sign-up is open with the invitation
 * (`adapter.getSignUpPolicy`), checks the email and the password against the password rules,
 * creates the account once through `adapter.signUp`, shows the server's field errors under their
 * fields and keeps everything typed on any failure.
 *
 * @example
 * const signUp = useSignUp({ inviteToken: new URLSearchParams(location.search).get('token') ?? undefined });
 * if (signUp.policy.status === 'success' && signUp.policy.data.allowed) <form onSubmit={signUp.submit.run}>…</form>
 */
export function useSignUp(options: UseSignUpOptions = {}): UseSignUpResult {
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const { inviteToken } = options;
  const passwordRules = options.passwordRules ?? defaultPreset.rules.password;
  const canSignUp = typeof adapter.signUp === 'function';
  useEffect(() => {
    if (!canSignUp) warnMissingMethod('SignUpForm', 'signUp');
  }, [canSignUp]);

  const policy = useResource(
    (signal) =>
      adapter.getSignUpPolicy ? adapter.getSignUpPolicy({ inviteToken }, { signal }) : Promise.resolve(OPEN),
    [adapter, inviteToken],
  );

  const fields = useCredentialsForm({
    schema: createSignUpSchema(t, passwordRules),
    t,
    perform: (values: CredentialsValues, signal) => {
      if (!adapter.signUp) return Promise.reject(new Error('signUp is missing'));
      const input = inviteToken === undefined ? values : { ...values, inviteToken };
      return adapter.signUp(input, { signal });
    },
    onDone: (user) => {
      shareSignedInUser(adapter, user);
      options.onSignedUp?.(user);
    },
    autoComplete: { email: 'email', password: 'new-password' },
    passwordLimits: passwordRules,
    describe: (error) => describeSignUpError(error, t),
    formLevelFields: ['inviteToken'],
  });
  const passwordHintId = `${fields.inputId('password')}-hint`;
  // The hint describes the password input, after its error.
  const getInputProps: UseSignUpResult['getInputProps'] = (field, userProps) => {
    const props = fields.getInputProps(field, userProps);
    if (field !== 'password') return props;
    const describedBy = [props['aria-describedby'], passwordHintId].filter(Boolean).join(' ');
    return { ...props, 'aria-describedby': describedBy };
  };
  return {
    ...fields,
    getInputProps,
    policy: readOf(policy.status, policy.latest, policy.error, policy.retry),
    canSignUp,
    passwordRules,
    passwordHint: t('signUp.passwordHint', { min: passwordRules.minLength, max: passwordRules.maxLength }),
    passwordHintId,
  };
}
