import { forwardRef, useId, useRef, type ComponentProps } from 'react';
import { useEmailPreferences, type UseEmailPreferencesOptions } from '../../hooks/use-email-preferences';
import { useTranslate, type Translate } from '../../hooks/use-translate';
import { classNames } from '../shared/class-names';
import { ErrorAlert } from '../shared/error-alert';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `EmailPreferences`: the hook's options plus the root `<fieldset>`'s own props. */
export interface EmailPreferencesProps
  extends UseEmailPreferencesOptions, Omit<ComponentProps<'fieldset'>, 'children'> {}

/**
 * The email preferences: one checkbox per subscription the adapter reports, saved as soon as
 * it changes, with a spinner on the row being saved and an alert with Retry when a change fails.
 *
 * @example
 * <EmailPreferences className="settings-card" />
 */
export const EmailPreferences = forwardRef<HTMLFieldSetElement, EmailPreferencesProps>(function EmailPreferences(
  { adapter, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const email = useEmailPreferences({ adapter });
  const t = useTranslate();
  const baseId = useId();
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const state =
    email.status !== 'success'
      ? email.status
      : email.preferences.length === 0
        ? 'empty'
        : email.pendingIds.size > 0
          ? 'saving'
          : 'ready';
  const root = {
    'aria-label': t('email.title'),
    'data-slot': 'ras-email-preferences',
    'data-state': state,
    className: classNames('ras-email-preferences', className),
    ...themeAttributes,
    ...rest,
  };

  // A retry while data is shown keeps the preferences; only the first load shows the skeleton.
  if (email.status === 'loading' && email.preferences.length === 0) {
    return (
      <fieldset aria-busy="true" {...root}>
        <p data-slot="ras-email-preferences-loading">{t('email.loading')}</p>
        <div data-slot="ras-skeleton" aria-hidden="true" />
      </fieldset>
    );
  }

  if (email.status === 'error') {
    return (
      <fieldset {...root}>
        <ErrorAlert error={email.error} t={t} onRetry={email.retry} />
      </fieldset>
    );
  }

  if (email.preferences.length === 0) {
    return (
      <fieldset {...root}>
        <p data-slot="ras-email-preferences-empty">{t('email.empty')}</p>
      </fieldset>
    );
  }

  const failed = email.failedToggle;
  // The alert names the preference: the reason ErrorAlert describes goes inside `email.saveFailed`.
  const failureT: Translate | undefined = failed
    ? (key, values) =>
        key.startsWith('error.')
          ? t('email.saveFailed', { label: email.labelOf(failed.id), reason: t(key, values) })
          : t(key, values)
    : undefined;

  return (
    <fieldset {...root} data-readonly={email.canSave ? undefined : ''}>
      <div data-slot="ras-email-preferences-list">
        {email.preferences.map((preference, index) => {
          const inputId = `${baseId}-${index}`;
          const savingId = `${inputId}-saving`;
          return (
            <div
              key={preference.id}
              data-slot="ras-email-preference"
              data-state={preference.enabled ? 'checked' : 'unchecked'}
              data-saving={preference.isPending ? '' : undefined}
              aria-busy={preference.isPending ? 'true' : undefined}
            >
              <input
                ref={(element) => {
                  if (element) inputs.current.set(preference.id, element);
                  else inputs.current.delete(preference.id);
                }}
                id={inputId}
                type="checkbox"
                data-slot="ras-checkbox"
                checked={preference.enabled}
                // Disabled only when the adapter can't save; while saving, the box keeps focus and ignores clicks.
                disabled={!email.canSave}
                aria-disabled={preference.isPending ? 'true' : undefined}
                aria-describedby={preference.isPending ? savingId : undefined}
                onChange={() => void email.toggle(preference.id, !preference.enabled)}
              />
              <label htmlFor={inputId}>{preference.label}</label>
              {preference.isPending ? (
                <>
                  <span data-slot="ras-spinner" aria-hidden="true" />
                  <span id={savingId} data-slot="ras-visually-hidden">
                    {t('email.saving')}
                  </span>
                </>
              ) : null}
            </div>
          );
        })}
      </div>
      {email.canSave ? null : <p data-slot="ras-email-preferences-hint">{t('email.readOnly')}</p>}
      {failed && email.save.error && failureT ? (
        <ErrorAlert
          error={email.save.error}
          t={failureT}
          onRetry={() => {
            // The Retry button goes away: keep keyboard users on the preference being saved.
            inputs.current.get(failed.id)?.focus();
            email.retrySave();
          }}
        />
      ) : null}
    </fieldset>
  );
});
EmailPreferences.displayName = 'EmailPreferences';
