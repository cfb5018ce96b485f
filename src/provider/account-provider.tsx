import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AccountError } from '../adapters/errors';
import type { AccountAdapter } from '../adapters/types';
import { isDevelopment } from '../core/is-development';
import { getLoadedCatalogue, isShippedLanguage, loadCatalogue, subscribeToCatalogues } from '../i18n/catalogues';
import { en, type MessageKey, type Messages, type MessageValues } from '../i18n/en';
import { formatMessage } from '../i18n/format-message';
import { FALLBACK_LOCALE, resolveLocale } from '../i18n/resolve-locale';
import { createHotkeysCoordination, HotkeysContext } from '../hooks/hotkeys/hotkeys-context';
import { AccountContext, type AccountContextValue } from './account-context';
import { AppearanceContext, type AppearanceContextValue, type AccountTheme } from './appearance-context';
import { detectPlatform, type Platform } from './platform';

/** Props of `AccountProvider`. */
export interface AccountProviderProps {
  /** The adapter every component and hook below reads and writes through. */
  adapter: AccountAdapter;
  /**
   * The BCP 47 locale for messages, dates and numbers. A shipped language (`en`, `de`) picks its
   * catalogue by itself (German loads on demand); any other locale shows English with en-US
   * dates and numbers unless `messages` are given; a malformed tag falls back to en-US.
   * @default 'en-US'
   */
  locale?: string;
  /** Messages that replace the locale's catalogue (or the English defaults), by key. */
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
  /**
   * Called when the person chooses "Sign in again" on an `unauthorized` error (an ended session)
   * in any component below; with it, those alerts offer "Sign in again" first (and Retry beside it,
   * to read again once signed in, so nothing on the page is lost); without it they offer Retry only.
   */
  onUnauthorized?: (error: AccountError) => void;
  /** The part of the host app that uses the library. */
  children?: ReactNode;
}

const subscribeToNothing = () => () => {};
const serverPlatform = (): Platform => 'other';
const noCatalogue = (): Messages | undefined => undefined;

const warned = new Set<string>();

/** Logs a locale problem once per page in development builds. */
function warnOnce(message: string) {
  if (warned.has(message) || !isDevelopment()) return;
  warned.add(message);
  console.warn(`[react-account-settings] AccountProvider: ${message}`);
}

const messageKeys = Object.keys(en) as MessageKey[];

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
  onUnauthorized,
  children,
}: AccountProviderProps) {
  // The server renders 'other'; the browser's answer replaces it after hydration, without a mismatch.
  const detectedPlatform = useSyncExternalStore(subscribeToNothing, detectPlatform, serverPlatform);
  const resolvedPlatform = platform ?? detectedPlatform;

  const asked = useMemo(() => resolveLocale(locale), [locale]);
  const { language } = asked;
  const hasMessages = messages !== undefined && Object.keys(messages).length > 0;
  const isComplete = useMemo(() => messages !== undefined && messageKeys.every((key) => key in messages), [messages]);
  const isShipped = asked.problem !== 'malformed' && isShippedLanguage(language);
  const needsCatalogue = isShipped && !isComplete;
  // A catalogue that loads on demand: the server and the hydrating render read none (no mismatch),
  // the browser reads it once loaded.
  const shipped = useSyncExternalStore(
    subscribeToCatalogues,
    () => (needsCatalogue ? getLoadedCatalogue(language) : undefined),
    noCatalogue,
  );

  useEffect(() => {
    if (!needsCatalogue || getLoadedCatalogue(language)) return;
    loadCatalogue(language).catch((error: unknown) =>
      warnOnce(`the "${language}" messages could not be loaded (${String(error)}); showing English.`),
    );
  }, [needsCatalogue, language]);

  // The text and the formats agree: a locale whose words are not there yet (or at all) formats as en-US.
  const isTranslated =
    asked.problem !== 'malformed' &&
    (language === 'en' || isComplete || shipped !== undefined || (!isShipped && hasMessages));
  const effectiveLocale = isTranslated ? asked.locale : FALLBACK_LOCALE;

  useEffect(() => {
    if (asked.problem === 'malformed')
      warnOnce(`locale "${locale}" is not a BCP 47 language tag; using ${FALLBACK_LOCALE}.`);
    else if (asked.problem === 'normalized' && locale.includes('_'))
      warnOnce(`locale "${locale}" is not a BCP 47 language tag; reading it as "${asked.locale}".`);
    if (asked.problem !== 'malformed' && !isShipped && !hasMessages)
      warnOnce(
        `no messages ship for "${asked.locale}" and none were given; showing English with ${FALLBACK_LOCALE} dates and numbers. Pass messages to translate (dates and numbers then follow ${asked.locale}).`,
      );
  }, [locale, asked, isShipped, hasMessages]);

  const catalogue = useMemo<Messages>(() => ({ ...en, ...shipped, ...messages }), [shipped, messages]);
  const t = useCallback(
    (key: MessageKey, values?: MessageValues) => formatMessage(catalogue[key] ?? key, values, effectiveLocale),
    [catalogue, effectiveLocale],
  );
  // The latest callback, behind one stable function: a host's inline arrow re-renders nothing below.
  const onUnauthorizedRef = useRef(onUnauthorized);
  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
  });
  const hasOnUnauthorized = onUnauthorized !== undefined;
  const callOnUnauthorized = useCallback((error: AccountError) => onUnauthorizedRef.current?.(error), []);
  const value = useMemo<AccountContextValue>(
    () => ({
      adapter,
      locale: effectiveLocale,
      messages: catalogue,
      platform: resolvedPlatform,
      t,
      ...(hasOnUnauthorized ? { onUnauthorized: callOnUnauthorized } : {}),
    }),
    [adapter, effectiveLocale, catalogue, resolvedPlatform, t, hasOnUnauthorized, callOnUnauthorized],
  );
  // The own container is set by its ref in the first commit; until then dialogs wait ('pending').
  const [ownContainer, setOwnContainer] = useState<HTMLDivElement | null>(null);
  // Each provider's recorders and editors talk only to its own useHotkeys.
  const [hotkeys] = useState(createHotkeysCoordination);
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
        <HotkeysContext.Provider value={hotkeys}>{children}</HotkeysContext.Provider>
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
