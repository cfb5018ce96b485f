import type { ComponentProps } from 'react';
import type { AccountError } from '../../adapters/errors';
import { describeError } from '../../i18n/describe-error';
import type { MessageKey, MessageValues } from '../../i18n/en';

/** Props of the shared error message. */
export interface ErrorAlertProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The error to describe. */
  error: AccountError;
  /** Formats catalogue messages; the component's `t`. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** Offers a Retry button that calls this; leave out where retrying makes no sense. */
  onRetry?: () => void;
}

/** One `role="alert"` message for an adapter error, with Retry where it helps. */
export function ErrorAlert({ error, t, onRetry, className, ...rest }: ErrorAlertProps) {
  return (
    <div role="alert" data-slot="ras-error-alert" data-code={error.code} className={className} {...rest}>
      <p data-slot="ras-error-alert-message">{describeError(error, t)}</p>
      {onRetry ? (
        <button type="button" data-slot="ras-button" data-variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
