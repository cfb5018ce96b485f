import { forwardRef, type ComponentProps } from 'react';
import {
  TOKEN_LIFETIME_DAYS,
  useTokenSettingsForm,
  type UseTokenSettingsFormOptions,
  type UseTokenSettingsFormResult,
} from '../../hooks/use-token-settings-form';
import { useTranslate } from '../../hooks/use-translate';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { formatNumber } from '../../core/format/format-date';
import { useOptionalAccount } from '../../provider/account-context';
import { Button } from '../shared/button';
import { classNames } from '../shared/class-names';
import { ErrorAlert } from '../shared/error-alert';

/** Props of `TokenSettingsForm`: the hook's options plus the root `<form>`'s own props. */
export interface TokenSettingsFormProps
  extends UseTokenSettingsFormOptions, Omit<ComponentProps<'form'>, 'onSubmit' | 'children' | 'onInvalid'> {}

/** One on/off switch with its label, its description, and the note shown while it turns a kind off. */
function TokenKindSwitch({
  form,
  field,
  label,
  description,
  offNote,
}: {
  form: UseTokenSettingsFormResult;
  field: 'personalTokensEnabled' | 'legacyTokenEnabled';
  label: string;
  description: string;
  offNote: string;
}) {
  const id = form.inputId(field);
  const turnsOff = field === 'personalTokensEnabled' ? form.turnsOff.personal : form.turnsOff.legacy;
  const error = form.fieldError(field);
  return (
    <div data-slot="ras-token-settings-switch" data-invalid={error ? '' : undefined}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={form.values[field]}
        aria-describedby={`${id}-description ${id}-note${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => form.setValue(field, event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-description`} data-slot="ras-token-settings-description">
        {description}
      </p>
      {/* Always there, so that the warning is announced the moment the switch turns off. */}
      <p id={`${id}-note`} aria-live="polite" data-slot="ras-token-settings-warning">
        {turnsOff ? offNote : ''}
      </p>
      {error ? (
        <p id={`${id}-error`} data-slot="ras-token-settings-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The organization's API token settings, for administrators (the "API Tokens
 * Settings"): personal access tokens on/off, legacy tokens on/off and, where the backend allows,
 * how long new personal tokens work ("Never expires" or 1 to 73,000 days). Turning a kind off says
 * first that members' tokens of that kind stop working. Save and Discard changes, field errors,
 * one alert with Retry when saving fails, and nothing typed is lost. It renders nothing for users
 * who may not change the settings, or when the adapter can't.
 *
 * @example
 * <TokenSettingsForm onSaved={(settings) => console.log(settings.personalTokensEnabled)} />
 */
export const TokenSettingsForm = forwardRef<HTMLFormElement, TokenSettingsFormProps>(function TokenSettingsForm(
  { adapter, onSaved, onDirtyChange, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const form = useTokenSettingsForm({ adapter, onSaved, onDirtyChange });
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';

  if (!form.isSupported || form.isAllowed === false) return null;
  const state = form.status !== 'success' ? form.status : form.save.isPending ? 'saving' : 'ready';
  const root = {
    'aria-label': t('tokenSettings.title'),
    'data-slot': 'ras-token-settings-form',
    'data-state': state,
    className: classNames('ras-token-settings-form', className),
    ...themeAttributes,
    ...rest,
  };

  if (form.status === 'loading') {
    return (
      <form aria-busy="true" {...root}>
        <p data-slot="ras-token-settings-loading">{t('tokenSettings.loading')}</p>
        <div data-slot="ras-skeleton" aria-hidden="true" />
        <div data-slot="ras-skeleton" aria-hidden="true" />
      </form>
    );
  }
  if (form.status === 'error') {
    return (
      <form {...root}>
        <ErrorAlert error={form.error} t={t} onRetry={form.retry} />
      </form>
    );
  }

  const limits = {
    min: formatNumber(TOKEN_LIFETIME_DAYS.min, locale),
    max: formatNumber(TOKEN_LIFETIME_DAYS.max, locale),
  };
  const lifetimeError = form.fieldError('personalTokenLifetimeDays');
  const neverId = form.inputId('neverExpires');
  const daysId = form.inputId('personalTokenLifetimeDays');
  const saveBlocked = !form.isDirty || form.save.isPending;

  return (
    <form
      noValidate
      data-dirty={form.isDirty ? '' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        if (saveBlocked) return;
        void form.save.run().then((result) => {
          // A lifetime the form or the server refused: focus goes to it, so its message is read out.
          const refused = result === undefined || (!result.ok && result.error.fieldErrors?.personalTokenLifetimeDays);
          if (refused && form.canChangeLifetime && !form.isLifetimeDisabled) {
            document.getElementById(daysId)?.focus();
          }
        });
      }}
      {...root}
    >
      <TokenKindSwitch
        form={form}
        field="personalTokensEnabled"
        label={t('tokenSettings.personal')}
        description={t('tokenSettings.personalDescription')}
        offNote={t('tokenSettings.personalOff')}
      />
      <TokenKindSwitch
        form={form}
        field="legacyTokenEnabled"
        label={t('tokenSettings.legacy')}
        description={t('tokenSettings.legacyDescription')}
        offNote={t('tokenSettings.legacyOff')}
      />
      {form.canChangeLifetime ? (
        <fieldset
          data-slot="ras-token-settings-lifetime"
          disabled={form.isLifetimeDisabled}
          aria-describedby={form.isLifetimeDisabled ? `${daysId}-off` : undefined}
        >
          <legend>{t('tokenSettings.lifetime')}</legend>
          {form.isLifetimeDisabled ? (
            <p id={`${daysId}-off`} data-slot="ras-token-settings-description">
              {t('tokenSettings.lifetimeOff')}
            </p>
          ) : null}
          <div data-slot="ras-token-settings-switch">
            <input
              id={neverId}
              type="checkbox"
              role="switch"
              checked={form.values.neverExpires}
              onChange={(event) => form.setValue('neverExpires', event.target.checked)}
            />
            <label htmlFor={neverId}>{t('tokenSettings.neverExpires')}</label>
          </div>
          <div data-slot="ras-token-settings-field" data-invalid={lifetimeError ? '' : undefined}>
            <label htmlFor={daysId}>{t('tokenSettings.days')}</label>
            <input
              id={daysId}
              type="number"
              inputMode="numeric"
              min={TOKEN_LIFETIME_DAYS.min}
              max={TOKEN_LIFETIME_DAYS.max}
              step={1}
              disabled={form.values.neverExpires}
              value={form.values.lifetimeDays}
              aria-invalid={lifetimeError ? true : undefined}
              aria-describedby={`${daysId}-hint${lifetimeError ? ` ${daysId}-error` : ''}`}
              onChange={(event) => form.setValue('lifetimeDays', event.target.value)}
            />
            <p id={`${daysId}-hint`} data-slot="ras-token-settings-description">
              {t('tokenSettings.daysHint', limits)}
            </p>
            {lifetimeError ? (
              <p id={`${daysId}-error`} data-slot="ras-token-settings-error">
                {lifetimeError}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      {form.save.error ? <ErrorAlert error={form.save.error} t={t} onRetry={() => void form.save.run()} /> : null}
      <div data-slot="ras-token-settings-actions">
        <Button type="submit" variant="primary" unavailable={saveBlocked} pending={form.save.isPending}>
          {form.save.isPending ? t('tokenSettings.saving') : t('tokenSettings.save')}
        </Button>
        <Button variant="secondary" unavailable={!form.isDirty || form.save.isPending} onClick={form.discard}>
          {t('tokenSettings.discard')}
        </Button>
        <p role="status" data-slot="ras-token-settings-status">
          {form.isSaved ? t('tokenSettings.saved') : ''}
        </p>
      </div>
    </form>
  );
});
TokenSettingsForm.displayName = 'TokenSettingsForm';
