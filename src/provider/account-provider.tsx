import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AccountAdapter } from '../adapters/types';
import { en, type MessageKey, type Messages, type MessageValues } from '../i18n/en';
import { formatMessage } from '../i18n/format-message';
import { AccountContext, type AccountContextValue } from './account-context';
import { AppearanceContext, type AppearanceContextValue, type AccountTheme } from './appearance-context';
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
  /**
   * The colour theme of every component below, dialogs included. `'system'` follows the nearest
   * `data-theme="light|dark"` on an ancestor, else the visitor's `prefers-color-scheme`; it
   * never sets anything on the host page. @default 'system'
   */
  theme?: AccountTheme;
  /**
   * The element dialogs render into. By default the provider renders an empty container of its
   * own right after its children, so dialogs keep the theme, `dir` and `--ras-*` variables of the
   * elements around the provider; `null` renders them into `document.body`.
   */
  portalContainer?: HTMLElement | null;
  /** The part of the host app that uses the library. */
  children?: ReactNode;
}

const subscribeToNothing = () => () => {};
const serverPlatform = (): Platform => 'other';

/**
 * Supplies the adapter, locale, messages, platform and theme to every component and hook below
 * it, and the container its dialogs render into.
 *
 * @example
 * <AccountProvider adapter={createMemoryAdapter()} locale="de-DE">
 *   <ProfileForm />
 * </AccountProvider>
 */
export function AccountProvider({
  adapter,
  locale = 'en-US',
  messages,
  platform,
  theme = 'system',
  portalContainer,
  children,
}: AccountProviderProps) {
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
  // The own container is set by its ref in the first commit; until then dialogs wait ('pending').
  const [ownContainer, setOwnContainer] = useState<HTMLDivElement | null>(null);
  const appearance = useMemo<AppearanceContextValue>(
    () => ({
      theme,
      portalTarget: portalContainer === undefined ? (ownContainer ?? 'pending') : portalContainer,
    }),
    [theme, portalContainer, ownContainer],
  );
  return (
    <AccountContext.Provider value={value}>
      <AppearanceContext.Provider value={appearance}>
        {children}
        {portalContainer === undefined ? (
          <div
            ref={setOwnContainer}
            data-slot="ras-portal"
            data-ras-theme={theme === 'system' ? undefined : theme}
            // No box of its own (even without styles.css): it only passes inherited styles on.
            style={{ display: 'contents' }}
          />
        ) : null}
      </AppearanceContext.Provider>
    </AccountContext.Provider>
  );
}
