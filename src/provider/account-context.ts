import { createContext, useContext } from 'react';
import type { AccountError } from '../adapters/errors';
import type { AccountAdapter } from '../adapters/types';
import type { MessageKey, Messages, MessageValues } from '../i18n/en';
import type { Platform } from './platform';

/** What `AccountProvider` gives every component and hook below it. */
export interface AccountContextValue {
  /** The adapter every read and write goes through. */
  adapter: AccountAdapter;
  /** The canonical BCP 47 locale messages, dates and numbers are formatted in (en-US while the asked locale's messages are missing). */
  locale: string;
  /** The full message catalogue, with the host's overrides applied. */
  messages: Messages;
  /** The keyboard convention shortcuts are shown in. */
  platform: Platform;
  /** Formats the message for `key` with `values`, in the provider's locale. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** The host's way back to signing in, when it gave `onUnauthorized`: error alerts for an `unauthorized` error offer "Sign in again", which calls it. */
  onUnauthorized?: (error: AccountError) => void;
}

export const AccountContext = createContext<AccountContextValue | null>(null);

/**
 * Reads what the nearest `AccountProvider` supplies; throws when there is none.
 *
 * @example
 * const { adapter, t } = useAccount();
 */
export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext);
  if (value === null) throw new Error('useAccount must be used within <AccountProvider>');
  return value;
}

/** Reads the nearest `AccountProvider`'s value, or `null` outside one (for hooks that also take props). */
export function useOptionalAccount(): AccountContextValue | null {
  return useContext(AccountContext);
}
