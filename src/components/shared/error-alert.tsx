import type { ComponentProps, ReactNode } from 'react';
import type { AccountError } from '../../adapters/errors';
import { describeError } from '../../i18n/describe-error';
import type { MessageKey, MessageValues } from '../../i18n/en';
import { useOptionalAccount } from '../../provider/account-context';

/** Props of the shared error message. */
export interface ErrorAlertProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The error to describe. */
  error: AccountError;
  /** Formats catalogue messages; the component's `t`. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** Offers a Retry button that calls this; leave out where retrying makes no sense. */
  onRetry?: () => void;
  /** The text to show instead of the error's usual description (a form that knows better what the error means there). */
  message?: ReactNode;
  /**
   * Whether an `unauthorized` error offers the provider's "Sign in again" (when the host gave
   * `onUnauthorized`) before Retry, which reads again once signed in; off where `unauthorized` means something else, such as
   * a wrong password on the sign-in form. @default true
   */
  offerSignInAgain?: boolean;
}

/**
 * One `role="alert"` message for an adapter error, with Retry where it helps, or "Sign in again"
 * (the provider's `onUnauthorized`) when the session has ended.
 */
export function ErrorAlert({
  error,
  t,
  onRetry,
  message,
  offerSignInAgain = true,
  className,
  ...rest
}: ErrorAlertProps) {
  const onUnauthorized = useOptionalAccount()?.onUnauthorized;
  const signInAgain = offerSignInAgain && error.code === 'unauthorized' ? onUnauthorized : undefined;
  return (
    <div role="alert" data-slot="ras-error-alert" data-code={error.code} className={className} {...rest}>
      <p data-slot="ras-error-alert-message">{message ?? describeError(error, t)}</p>
      {signInAgain ? (
        <button type="button" data-slot="ras-button" data-variant="primary" onClick={() => signInAgain(error)}>
          {t('common.signInAgain')}
        </button>
      ) : null}
      {onRetry ? (
        <button type="button" data-slot="ras-button" data-variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
