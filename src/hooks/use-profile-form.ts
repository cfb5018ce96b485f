import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useRef, type ComponentPropsWithRef, type FormEvent } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import type { AccountAdapter, ProfilePatch, User } from '../adapters/types';
import { mergeProps, type MergedProps } from './merge-props';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, type WriteStatus } from './use-mutation';
import { useCurrentUser } from './use-current-user';
import { readOf, type ReadState } from './use-resource';
import { useTranslate, type Translate } from './use-translate';
import { useOptionalAccount } from '../provider/account-context';
import * as defaultPreset from '../label-studio/default-preset';

/** The longest first name, last name or phone number: the default preset's `rules.profileFieldMaxLength`. */
export const PROFILE_FIELD_MAX_LENGTH: number = defaultPreset.rules.profileFieldMaxLength;

/** The editable profile fields. */
export type ProfileField = 'firstName' | 'lastName' | 'phone';

/** The form's values, as typed. */
export type ProfileValues = Record<ProfileField, string>;

const PROFILE_FIELDS: readonly ProfileField[] = ['firstName', 'lastName', 'phone'];
const USUAL_PHONE_CHARACTERS = /[0-9 +\-().]/g;

/**
 * The hint for a phone number with characters other than digits, spaces and `+ - ( ) .`, or
 * `undefined`; only a hint, since servers commonly store any text (say "555-0100 ext. 7"). The
 * characters are quoted and listed in the locale's words: “e”, “x”, or “t”.
 */
function phoneHint(value: string, t: Translate, locale: string): string | undefined {
  const unusual = [...new Set(value.trim().replace(USUAL_PHONE_CHARACTERS, ''))];
  if (unusual.length === 0) return undefined;
  const quoted = unusual.map((character) => t('profile.quotedCharacter', { character }));
  const characters = new Intl.ListFormat(locale, { type: 'disjunction' }).format(quoted);
  return t('profile.phoneUnusual', { characters });
}

/**
 * Builds the profile schema with messages in the catalogue's words: every field trimmed and at
 * most `PROFILE_FIELD_MAX_LENGTH` characters. The phone has no format rule (see `phoneHint`).
 */
export function createProfileSchema(t: Translate) {
  const text = () =>
    z.string().check(
      z.trim(),
      z.maxLength(PROFILE_FIELD_MAX_LENGTH, {
        error: (issue) => t('profile.tooLong', { length: String(issue.input).length, max: PROFILE_FIELD_MAX_LENGTH }),
      }),
    );
  return z.object({
    firstName: text(),
    lastName: text(),
    phone: text(),
  });
}

/** The schema `createProfileSchema` builds; `extendSchema` receives it. */
export type ProfileSchema = ReturnType<typeof createProfileSchema>;

/** Options of `useProfileForm`. */
export interface UseProfileFormOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** Called with the saved user after a successful save. */
  onSaved?: (user: User) => void;
  /** Called whenever the form becomes dirty or clean, to guard the host's navigation. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Asks the browser to confirm leaving the page while there are unsaved changes. @default false */
  warnOnLeave?: boolean;
  /** Adds the host's own rules to the schema, e.g. `(schema) => schema.check(z.refine(...))`. */
  extendSchema?: (schema: ProfileSchema) => z.ZodMiniType<ProfileValues, ProfileValues>;
}

/** What `useProfileForm` returns: state, actions and prop getters for an unstyled form. */
export type UseProfileFormResult = ReadState<User> & UseProfileFormFields;

/** The form's own part of `useProfileForm`'s result, beside the read of the saved user (`data`, once the form holds it). */
export interface UseProfileFormFields {
  /** The react-hook-form instance, for hosts that render their own fields. */
  form: UseFormReturn<ProfileValues, unknown, ProfileValues>;
  /** Whether any field differs from the saved profile. */
  isDirty: boolean;
  /**
   * The save: `save.run(event?)` validates and saves (safe to call twice: the second call does
   * nothing while saving); `save.error` is why it failed other than field errors, which show under their fields.
   */
  save: WriteStatus & { run: (event?: FormEvent) => Promise<void> };
  /** Whether the last save succeeded and nothing changed since. */
  isSaved: boolean;
  /** Whether the adapter can save a profile at all. */
  canSave: boolean;
  /** Restores the last saved values and clears errors. */
  discard: () => void;
  /** The message for a field's error, if any. */
  fieldError: (field: ProfileField) => string | undefined;
  /** A hint about a field's value that never blocks saving (unusual characters in a phone number), if any. */
  fieldHint: (field: ProfileField) => string | undefined;
  /** Props for a field's hint element, merged with the host's own. */
  getHintProps: <P extends ComponentPropsWithRef<'p'>>(
    field: ProfileField,
    userProps?: P,
  ) => MergedProps<{ id: string }, P>;
  /** Props for a field's `<input>` (registration, ids and ARIA state), merged with the host's own (the host's handlers run first, refs are composed). */
  getInputProps: <P extends ComponentPropsWithRef<'input'>>(
    field: ProfileField,
    userProps?: P,
  ) => MergedProps<ProfileInputProps, P>;
  /** Props for a field's error message element, merged with the host's own. */
  getErrorProps: <P extends ComponentPropsWithRef<'p'>>(
    field: ProfileField,
    userProps?: P,
  ) => MergedProps<{ id: string }, P>;
  /** The id of a field's input (or the read-only email's), for its `<label htmlFor>`. */
  inputId: (field: ProfileField | 'email') => string;
}

/** What `getInputProps` gives a field's `<input>`. */
export type ProfileInputProps = ReturnType<UseFormReturn<ProfileValues>['register']> & {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

function valuesOf(user: User): ProfileValues {
  return { firstName: user.firstName, lastName: user.lastName, phone: user.phone };
}

/**
 * The headless profile form: loads the user, tracks changes, validates, saves through
 * `adapter.updateProfile`, shows server field errors under their fields and never loses input.
 *
 * @example
 * const profile = useProfileForm({ onDirtyChange: setGuarded });
 * <form onSubmit={profile.save.run}><input {...profile.getInputProps('firstName')} /></form>
 */
export function useProfileForm(options: UseProfileFormOptions = {}): UseProfileFormResult {
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const baseId = useId();

  const user = useCurrentUser({ adapter });
  const baseSchema = createProfileSchema(t);
  const schema = options.extendSchema ? options.extendSchema(baseSchema) : baseSchema;
  const form = useForm<ProfileValues, unknown, ProfileValues>({
    resolver: zodResolver(schema),
    // No defaults until the user loads: the form counts as ready once reset() gave it the saved values.
    mode: 'onChange',
  });
  const { formState, reset, setError, setFocus, handleSubmit } = form;

  const save = useMutation((patch: ProfilePatch, signal) => {
    if (!adapter.updateProfile) return Promise.reject(new Error('updateProfile is missing'));
    return adapter.updateProfile(patch, { signal });
  });
  const canSave = typeof adapter.updateProfile === 'function';
  useEffect(() => {
    if (!canSave) warnMissingMethod('ProfileForm', 'updateProfile');
  }, [canSave]);

  // The loaded user becomes the saved state the form compares against.
  const loadedUser = user.latest;
  useEffect(() => {
    if (loadedUser) reset(valuesOf(loadedUser));
  }, [loadedUser, reset]);

  const onDirtyChange = useRef(options.onDirtyChange);
  const onSaved = useRef(options.onSaved);
  useEffect(() => {
    onDirtyChange.current = options.onDirtyChange;
    onSaved.current = options.onSaved;
  });

  const { isDirty } = formState;
  useEffect(() => {
    onDirtyChange.current?.(isDirty);
  }, [isDirty]);

  const warnOnLeave = options.warnOnLeave ?? false;
  useEffect(() => {
    if (!warnOnLeave || !isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [warnOnLeave, isDirty]);

  const { run: runSave, reset: resetSave } = save;
  const setUserData = user.setData;
  const submit = useCallback(
    async (event?: FormEvent) => {
      await handleSubmit(async (values) => {
        const result = await runSave(values);
        if (!result) return;
        if (result.ok) {
          setUserData(result.value);
          onSaved.current?.(result.value);
          return;
        }
        const fieldErrors = result.error.fieldErrors ?? {};
        const invalid = PROFILE_FIELDS.filter((field) => fieldErrors[field]?.length);
        for (const field of invalid) {
          setError(field, { type: 'server', message: fieldErrors[field]!.join(' ') });
        }
        // Focus the first field the server refused, so the user lands on the problem.
        if (invalid[0]) setFocus(invalid[0]);
      })(event);
    },
    [handleSubmit, runSave, setError, setFocus, setUserData],
  );

  const discard = useCallback(() => {
    if (loadedUser) reset(valuesOf(loadedUser));
    resetSave();
  }, [loadedUser, reset, resetSave]);

  const inputId = useCallback((field: ProfileField | 'email') => `${baseId}-${field}`, [baseId]);
  const fieldError = (field: ProfileField) => formState.errors[field]?.message;
  const phone = useWatch({ control: form.control, name: 'phone' });
  const fieldHint = (field: ProfileField) => (field === 'phone' ? phoneHint(phone ?? '', t, locale) : undefined);
  const describedBy = (field: ProfileField) =>
    [
      formState.errors[field] ? `${inputId(field)}-error` : undefined,
      fieldHint(field) ? `${inputId(field)}-hint` : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined;

  // The fields show only once they hold the saved values, so nothing typed early is overwritten.
  const isFormReady = loadedUser !== undefined && formState.defaultValues?.firstName !== undefined;
  return {
    ...readOf(
      isFormReady ? 'success' : user.status === 'error' ? 'error' : 'loading',
      loadedUser,
      user.error,
      user.retry,
    ),
    form,
    isDirty,
    save: {
      run: submit,
      status: save.status,
      // Field errors show under their fields; anything else (or errors for fields this form lacks) shows once.
      error:
        save.error && !PROFILE_FIELDS.some((field) => save.error?.fieldErrors?.[field]?.length) ? save.error : null,
      isPending: save.isPending,
      reset: resetSave,
    },
    isSaved: save.status === 'success' && !isDirty,
    canSave,
    discard,
    fieldError,
    fieldHint,
    getInputProps: (field, userProps) =>
      mergeProps<ProfileInputProps, NonNullable<typeof userProps>>(
        {
          ...form.register(field),
          id: inputId(field),
          'aria-invalid': Boolean(formState.errors[field]),
          'aria-describedby': describedBy(field),
        },
        userProps,
      ),
    getErrorProps: (field, userProps) =>
      mergeProps<{ id: string }, NonNullable<typeof userProps>>({ id: `${inputId(field)}-error` }, userProps),
    getHintProps: (field, userProps) =>
      mergeProps<{ id: string }, NonNullable<typeof userProps>>({ id: `${inputId(field)}-hint` }, userProps),
    inputId,
  };
}
