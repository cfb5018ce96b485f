import type { CredentialsField, CredentialsFormFields } from '../../hooks/use-credentials-form';
import type { Translate } from '../../hooks/use-translate';
import { ErrorAlert } from './error-alert';
import { Button } from './button';

interface CredentialsFieldsProps {
  fields: CredentialsFormFields;
  t: Translate;
  /** Props for each field's input (sign-up's adds the hint to the password's description). */
  inputProps: CredentialsFormFields['getInputProps'];
  /** The hint under the password, with its id. */
  passwordHint?: { id: string; text: string };
}

const LABELS = { email: 'auth.email', password: 'auth.password' } as const;

/** The email and password fields of the sign-in and sign-up forms, each with its label and error. */
export function CredentialsFields({ fields, t, inputProps, passwordHint }: CredentialsFieldsProps) {
  const field = (name: CredentialsField) => {
    const error = fields.fieldError(name);
    return (
      <div data-slot="ras-credentials-field" data-field={name} data-invalid={error ? '' : undefined}>
        <label htmlFor={fields.inputId(name)}>{t(LABELS[name])}</label>
        {name === 'password' ? (
          <div data-slot="ras-credentials-password">
            <input {...inputProps(name)} />
            <button data-slot="ras-button" data-variant="secondary" {...fields.getPasswordToggleProps()}>
              {t('auth.showPassword')}
            </button>
          </div>
        ) : (
          <input {...inputProps(name)} />
        )}
        {error ? (
          <p data-slot="ras-credentials-error" {...fields.getErrorProps(name)}>
            {error}
          </p>
        ) : null}
        {name === 'password' && passwordHint ? (
          <p data-slot="ras-credentials-hint" id={passwordHint.id}>
            {passwordHint.text}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <>
      {field('email')}
      {field('password')}
    </>
  );
}

interface CredentialsActionsProps {
  fields: CredentialsFormFields;
  t: Translate;
  alertId: string;
  submitLabel: string;
  submittingLabel: string;
  doneLabel: string;
}

/** The form-level alert (with Retry where it helps), the submit button held back during a wait, and the done status. */
export function CredentialsActions({
  fields,
  t,
  alertId,
  submitLabel,
  submittingLabel,
  doneLabel,
}: CredentialsActionsProps) {
  const waiting = fields.retryInSeconds !== null;
  return (
    <>
      {fields.error ? (
        <ErrorAlert
          id={alertId}
          error={fields.error}
          t={t}
          message={fields.errorMessage}
          // Here `unauthorized` is about what was typed, not an ended session.
          offerSignInAgain={false}
          onRetry={fields.canRetry ? () => void fields.submit.run() : undefined}
        />
      ) : null}
      <div data-slot="ras-credentials-actions">
        {/* aria-disabled rather than disabled: the button keeps focus and says why it waits. */}
        <Button
          type="submit"
          variant="primary"
          pending={fields.submit.isPending}
          unavailable={waiting}
          unavailableReasonId={waiting ? alertId : undefined}
        >
          {fields.submit.isPending ? submittingLabel : submitLabel}
        </Button>
        <p role="status" data-slot="ras-credentials-status">
          {fields.user ? doneLabel : ''}
        </p>
      </div>
    </>
  );
}
