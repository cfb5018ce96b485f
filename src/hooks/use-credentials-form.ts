// The part SignInForm and SignUpForm share: an email and password form on react-hook-form, one
// adapter call per submit, server field errors under their fields, the wait after a rate-limited
// attempt, and the password's show/hide toggle. Internal: each public hook picks what it exposes.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useRef, useState, type ComponentPropsWithRef, type FormEvent } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import type { AccountError } from '../adapters/errors';
import type { User } from '../adapters/types';
import { describeError } from '../i18n/describe-error';
import { mergeProps, type MergedProps } from './merge-props';
import { useMutation, type WriteStatus } from './use-mutation';
import type { Translate } from './use-translate';

/** The fields of the sign-in and sign-up forms. */
export type CredentialsField = 'email' | 'password';

/** What the sign-in and sign-up forms hold, as typed. */
export type CredentialsValues = Record<CredentialsField, string>;

const FIELDS: readonly CredentialsField[] = ['email', 'password'];

/** How many characters a password has, as the backend counts them (code points, so an emoji is one). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The email field's rules: something typed, shaped like an address (zod's own pattern), trimmed. */
export function emailSchema(t: Translate) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: t('auth.emailMissing') }),
      z.regex(z.regexes.email, { error: (issue) => t('auth.emailInvalid', { email: String(issue.input) }) }),
    );
}

/** Props a credentials field's `<input>` gets: its registration, ids, ARIA state and the attributes password managers read. */
export type CredentialsInputProps = ReturnType<UseFormReturn<CredentialsValues>['register']> & {
  /** The input's id, which its label points at. */
  id: string;
  /** `email`, or `password` (`text` while the password is shown). */
  type: string;
  /** What password managers fill in: `username` / `current-password` to sign in, `email` / `new-password` to sign up. */
  autoComplete: string;
  /** Whether the field holds an error. */
  'aria-invalid': boolean;
  /** The ids of the field's error (and, for a new password, its hint). */
  'aria-describedby': string | undefined;
  /** The on-screen keyboard for an address. */
  inputMode?: 'email';
  /** `none`: an address or a password is never capitalized. */
  autoCapitalize?: string;
  /** `false`: an address or a password is never spell-checked. */
  spellCheck?: boolean;
  /** The shortest new password, in characters. */
  minLength?: number;
  /** The longest new password, in characters. */
  maxLength?: number;
};

/** Props of the password's show/hide toggle: a real button with a pressed state. */
export interface PasswordToggleProps {
  /** A button, so it never submits the form. */
  type: 'button';
  /** Whether the password is shown. */
  'aria-pressed': boolean;
  /** The id of the password input it shows or hides. */
  'aria-controls': string;
  /** Shows or hides the password. */
  onClick: () => void;
}

/** What both credential hooks return. */
export interface CredentialsFormFields {
  /** The react-hook-form instance, for hosts that render their own fields. */
  form: UseFormReturn<CredentialsValues, unknown, CredentialsValues>;
  /**
   * The submit: `submit.run(event?)` checks the fields and calls the adapter once (a second call
   * while one is under way, or during the wait after too many attempts, does nothing).
   */
  submit: WriteStatus & { run: (event?: FormEvent) => Promise<void> };
  /** The failure to show in one alert: everything the fields don't show themselves; `null` when there is none. */
  error: AccountError | null;
  /** The text for `error`, in the catalogue's words (with the wait counting down when rate limited). */
  errorMessage: string | undefined;
  /** Whether submitting again may help with `error` (a network or server failure), so a Retry button makes sense. */
  canRetry: boolean;
  /** The whole seconds left before another attempt is allowed after a rate-limited one; `null` when there is no wait. */
  retryInSeconds: number | null;
  /** Whether submitting is blocked now: under way, or waiting after too many attempts. */
  isBlocked: boolean;
  /** The user the last submit signed in. */
  user: User | null;
  /** Whether the password shows as plain text. */
  isPasswordVisible: boolean;
  /** Shows or hides the password. */
  setPasswordVisible: (visible: boolean) => void;
  /** The message for a field's error (the browser's check or the server's), if any. */
  fieldError: (field: CredentialsField) => string | undefined;
  /** The id of a field's input, for its `<label htmlFor>`. */
  inputId: (field: CredentialsField) => string;
  /** Props for a field's `<input>`, merged with the host's own (the host's handlers run first, refs are composed). */
  getInputProps: <P extends ComponentPropsWithRef<'input'>>(
    field: CredentialsField,
    userProps?: P,
  ) => MergedProps<CredentialsInputProps, P>;
  /** Props for a field's error message element, merged with the host's own. */
  getErrorProps: <P extends ComponentPropsWithRef<'p'>>(
    field: CredentialsField,
    userProps?: P,
  ) => MergedProps<{ id: string }, P>;
  /** Props for the password's show/hide button, merged with the host's own. */
  getPasswordToggleProps: <P extends ComponentPropsWithRef<'button'>>(
    userProps?: P,
  ) => MergedProps<PasswordToggleProps, P>;
}

interface CredentialsFormOptions {
  schema: z.ZodMiniType<CredentialsValues, CredentialsValues>;
  t: Translate;
  perform: (values: CredentialsValues, signal: AbortSignal) => Promise<User>;
  onDone: (user: User) => void;
  autoComplete: { email: string; password: string };
  passwordLimits?: { minLength: number; maxLength: number };
  /** The form's own message for a failure, where it knows better than the generic one. */
  describe: (error: AccountError) => string | undefined;
  /** Fields of the server's answer that are not inputs but still refuse the submit (shown in the alert). */
  formLevelFields?: readonly string[];
}

/** The wait after a rate-limited attempt: the moment another one is allowed, ticking every second until then. */
function useCooldown() {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const start = useCallback((ms: number) => {
    const current = Date.now();
    setNow(current);
    setUntil(current + ms);
  }, []);
  const seconds = until === null ? null : Math.max(1, Math.ceil((until - now) / 1000));
  return { seconds, start };
}

/** The shared email-and-password form behind `useSignIn` and `useSignUp`. */
export function useCredentialsForm(options: CredentialsFormOptions): CredentialsFormFields {
  const { t, autoComplete, passwordLimits, formLevelFields = [] } = options;
  const baseId = useId();
  const form = useForm<CredentialsValues, unknown, CredentialsValues>({
    resolver: zodResolver(options.schema),
    defaultValues: { email: '', password: '' },
  });
  const { formState, setError, setFocus, handleSubmit } = form;
  // Read during render, so react-hook-form's proxy re-renders on every error change even when the
  // host asks `fieldError` only later.
  const { errors } = formState;
  const [isPasswordVisible, setPasswordVisible] = useState(false);
  const [user, setUser] = useState<User | null>(null);
  const cooldown = useCooldown();

  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const mutation = useMutation((values: CredentialsValues, signal) => latest.current.perform(values, signal));
  const { run, reset } = mutation;
  const startCooldown = cooldown.start;
  const isWaiting = cooldown.seconds !== null;
  const isBlocked = mutation.isPending || isWaiting;

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (isWaiting) return;
      await handleSubmit(async (values) => {
        const result = await run(values);
        if (!result) return;
        if (result.ok) {
          setUser(result.value);
          latest.current.onDone(result.value);
          return;
        }
        const { error } = result;
        if (error.code === 'rate_limited' && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
          startCooldown(error.retryAfterMs);
        }
        const fieldErrors = error.fieldErrors ?? {};
        const invalid = FIELDS.filter((field) => fieldErrors[field]?.length);
        for (const field of invalid) setError(field, { type: 'server', message: fieldErrors[field]!.join(' ') });
        // Land on the first field the server refused; the values stay exactly as typed.
        if (invalid[0]) setFocus(invalid[0]);
      })(event);
    },
    [handleSubmit, isWaiting, run, setError, setFocus, startCooldown],
  );

  const failure = mutation.error;
  const fieldErrors = failure?.fieldErrors ?? {};
  const showsInFields = FIELDS.some((field) => fieldErrors[field]?.length);
  const hasFormLevel = formLevelFields.some((field) => fieldErrors[field]?.length);
  const error = failure && (!showsInFields || hasFormLevel) ? failure : null;
  let errorMessage: string | undefined;
  if (error) {
    if (error.code === 'rate_limited') {
      errorMessage =
        cooldown.seconds !== null
          ? t('auth.rateLimited', { count: cooldown.seconds })
          : error.retryAfterMs === undefined
            ? t('auth.rateLimited.unknown')
            : // The wait is over: the form may be sent again.
              undefined;
    } else {
      errorMessage = options.describe(error) ?? describeError(error, t);
    }
  }

  const inputId = useCallback((field: CredentialsField) => `${baseId}-${field}`, [baseId]);
  const describedBy = (field: CredentialsField) => (errors[field] ? `${inputId(field)}-error` : undefined);

  const inputProps = (field: CredentialsField): CredentialsInputProps => {
    const common = {
      ...form.register(field),
      id: inputId(field),
      'aria-invalid': Boolean(errors[field]),
      'aria-describedby': describedBy(field),
      autoComplete: autoComplete[field],
    };
    if (field === 'email') {
      return { ...common, type: 'email', inputMode: 'email', autoCapitalize: 'none', spellCheck: false };
    }
    return {
      ...common,
      type: isPasswordVisible ? 'text' : 'password',
      autoCapitalize: 'none',
      spellCheck: false,
      ...(passwordLimits ? { minLength: passwordLimits.minLength, maxLength: passwordLimits.maxLength } : {}),
    };
  };

  return {
    form,
    submit: {
      run: submit,
      status: mutation.status,
      error: mutation.error,
      isPending: mutation.isPending,
      reset,
    },
    error: error && errorMessage !== undefined ? error : null,
    errorMessage,
    canRetry: error?.code === 'network' || error?.code === 'server',
    retryInSeconds: cooldown.seconds,
    isBlocked,
    user,
    isPasswordVisible,
    setPasswordVisible,
    fieldError: (field) => errors[field]?.message,
    inputId,
    getInputProps: (field, userProps) =>
      mergeProps<CredentialsInputProps, NonNullable<typeof userProps>>(inputProps(field), userProps),
    getErrorProps: (field, userProps) =>
      mergeProps<{ id: string }, NonNullable<typeof userProps>>({ id: `${inputId(field)}-error` }, userProps),
    getPasswordToggleProps: (userProps) =>
      mergeProps<PasswordToggleProps, NonNullable<typeof userProps>>(
        {
          type: 'button',
          'aria-pressed': isPasswordVisible,
          'aria-controls': inputId('password'),
          onClick: () => setPasswordVisible((visible) => !visible),
        },
        userProps,
      ),
  };
}
