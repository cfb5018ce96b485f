import { forwardRef, type ComponentProps } from 'react';
import { useProfileForm, type ProfileField, type UseProfileFormOptions } from '../../hooks/use-profile-form';
import { useTranslate } from '../../hooks/use-translate';
import { classNames } from '../shared/class-names';
import { Button } from '../shared/button';
import { ErrorAlert } from '../shared/error-alert';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `ProfileForm`: the hook's options plus the root `<form>`'s own props. */
export interface ProfileFormProps
  extends UseProfileFormOptions, Omit<ComponentProps<'form'>, 'onSubmit' | 'children' | 'onInvalid'> {}

const FIELDS: ReadonlyArray<{
  field: ProfileField;
  label: 'profile.firstName' | 'profile.lastName' | 'profile.phone';
  autoComplete: string;
  type: string;
}> = [
  { field: 'firstName', label: 'profile.firstName', autoComplete: 'given-name', type: 'text' },
  { field: 'lastName', label: 'profile.lastName', autoComplete: 'family-name', type: 'text' },
  { field: 'phone', label: 'profile.phone', autoComplete: 'tel', type: 'tel' },
];

/**
 * The profile form: first name, last name and phone (editable), email (read-only), with
 * Save, Discard changes, field errors from the server and a "Profile saved" status.
 *
 * @example
 * <ProfileForm onDirtyChange={setUnsaved} warnOnLeave />
 */
export const ProfileForm = forwardRef<HTMLFormElement, ProfileFormProps>(function ProfileForm(
  { adapter, onSaved, onDirtyChange, warnOnLeave, extendSchema, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const profile = useProfileForm({ adapter, onSaved, onDirtyChange, warnOnLeave, extendSchema });
  const t = useTranslate();
  const state = profile.status !== 'success' ? profile.status : profile.save.isPending ? 'saving' : 'ready';

  if (profile.status === 'loading') {
    return (
      <form
        aria-label={t('profile.title')}
        aria-busy="true"
        data-slot="ras-profile-form"
        data-state={state}
        className={classNames('ras-profile-form', className)}
        {...themeAttributes}
        {...rest}
      >
        <p data-slot="ras-profile-form-loading">{t('profile.loading')}</p>
        {FIELDS.map(({ field }) => (
          <div key={field} data-slot="ras-skeleton" aria-hidden="true" />
        ))}
      </form>
    );
  }

  if (profile.status === 'error') {
    return (
      <form
        aria-label={t('profile.title')}
        data-slot="ras-profile-form"
        data-state={state}
        className={classNames('ras-profile-form', className)}
        {...themeAttributes}
        {...rest}
      >
        <ErrorAlert error={profile.error} t={t} onRetry={profile.retry} />
      </form>
    );
  }

  const saveBlocked = !profile.isDirty || profile.save.isPending || !profile.canSave;
  const emailId = profile.inputId('email');
  return (
    <form
      aria-label={t('profile.title')}
      noValidate
      data-slot="ras-profile-form"
      data-state={state}
      data-dirty={profile.isDirty ? '' : undefined}
      className={classNames('ras-profile-form', className)}
      onSubmit={(event) => {
        event.preventDefault();
        if (!saveBlocked) void profile.save.run(event);
      }}
      {...themeAttributes}
      {...rest}
    >
      <div data-slot="ras-profile-form-fields">
        {FIELDS.map(({ field, label, autoComplete, type }) => {
          const error = profile.fieldError(field);
          const hint = profile.fieldHint(field);
          return (
            <div key={field} data-slot="ras-profile-form-field" data-invalid={error ? '' : undefined}>
              <label htmlFor={profile.inputId(field)}>{t(label)}</label>
              <input
                type={type}
                autoComplete={autoComplete}
                readOnly={!profile.canSave}
                {...profile.getInputProps(field)}
              />
              {error ? (
                <p data-slot="ras-profile-form-error" {...profile.getErrorProps(field)}>
                  {error}
                </p>
              ) : null}
              {hint ? (
                <p data-slot="ras-profile-form-hint" {...profile.getHintProps(field)}>
                  {hint}
                </p>
              ) : null}
            </div>
          );
        })}
        <div data-slot="ras-profile-form-field" data-readonly="">
          <label htmlFor={emailId}>{t('profile.email')}</label>
          <input
            id={emailId}
            type="email"
            value={profile.data.email ?? ''}
            readOnly
            autoComplete="email"
            aria-describedby={`${emailId}-hint`}
          />
          <p id={`${emailId}-hint`} data-slot="ras-profile-form-hint">
            {t('profile.emailHint')}
          </p>
        </div>
      </div>
      {profile.save.error ? (
        <ErrorAlert error={profile.save.error} t={t} onRetry={() => void profile.save.run()} />
      ) : null}
      <div data-slot="ras-profile-form-actions">
        {profile.canSave ? (
          <>
            {/* aria-disabled rather than disabled: the button keeps focus while saving. */}
            <Button type="submit" variant="primary" unavailable={saveBlocked} pending={profile.save.isPending}>
              {profile.save.isPending ? t('profile.saving') : t('profile.save')}
            </Button>
            <Button
              variant="secondary"
              unavailable={!profile.isDirty || profile.save.isPending}
              onClick={profile.discard}
            >
              {t('profile.discard')}
            </Button>
          </>
        ) : null}
        <p role="status" data-slot="ras-profile-form-status">
          {profile.isSaved ? t('profile.saved') : ''}
        </p>
      </div>
    </form>
  );
});
ProfileForm.displayName = 'ProfileForm';
