import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { AccountAdapter } from '../adapters/types';
import { en, type MessageKey, type Messages, type MessageValues } from '../i18n/en';
import { formatMessage } from '../i18n/format-message';
import { AccountContext, type AccountContextValue } from './account-context';
import { detectPlatform, type Platform } from './platform';

/** Props of `AccountProvider`. */
export interface AccountProviderProps {
  /** The adapter every component and hook below reads and writes through. */
  adapter: AccountAdapter;
  /** The BCP 47 locale for messages, dates and numbers. @default 'en-US' */
  locale?: string;
  /** Messages that replace the English defaults, by key. */
  messages?: Partial<Messages>;
  /** The keyboard convention for shortcuts; detected from the browser when left out. */
  platform?: Platform;
  /** The part of the host app that uses the library. */
  children?: ReactNode;
}

const subscribeToNothing = () => () => {};
const serverPlatform = (): Platform => 'other';

/**
 * Supplies the adapter, locale, messages and platform to every component and hook below it.
 *
 * @example
 * <AccountProvider adapter={createMemoryAdapter()} locale="de-DE">
 *   <ProfileForm />
 * </AccountProvider>
 */
export function AccountProvider({ adapter, locale = 'en-US', messages, platform, children }: AccountProviderProps) {
  // The server renders 'other'; the browser's answer replaces it after hydration, without a mismatch.
  const detectedPlatform = useSyncExternalStore(subscribeToNothing, detectPlatform, serverPlatform);
  const resolvedPlatform = platform ?? detectedPlatform;
  const catalogue = useMemo<Messages>(() => ({ ...en, ...messages }), [messages]);
  const t = useCallback(
    (key: MessageKey, values?: MessageValues) => formatMessage(catalogue[key] ?? key, values, locale),
    [catalogue, locale],
  );
  const value = useMemo<AccountContextValue>(
    () => ({ adapter, locale, messages: catalogue, platform: resolvedPlatform, t }),
    [adapter, locale, catalogue, resolvedPlatform, t],
  );
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}
