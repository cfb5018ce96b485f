import type { AccountError } from '../adapters/errors';
import type { MessageKey, MessageValues } from './en';

/** Turns an `AccountError` into the message to show, in the catalogue's words. */
export function describeError(error: AccountError, t: (key: MessageKey, values?: MessageValues) => string): string {
  if (error.code === 'rate_limited') {
    return error.retryAfterMs === undefined
      ? t('error.rate_limited.unknown')
      : t('error.rate_limited', { count: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) });
  }
  return t(`error.${error.code}`);
}
