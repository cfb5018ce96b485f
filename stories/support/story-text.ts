import { formatDate, formatDateTime, formatNumber, formatRelativeTime } from '../../src/core/format/format-date';
import type { HotkeyMessage } from '../../src/core/hotkeys/types';
import { describeHotkeyMessage } from '../../src/i18n/describe-hotkey-message';
import { getLoadedCatalogue, isShippedLanguage } from '../../src/i18n/catalogues';
import { en, type MessageKey, type Messages, type MessageValues } from '../../src/i18n/en';
import { formatMessage } from '../../src/i18n/format-message';
import { resolveLocale } from '../../src/i18n/resolve-locale';

/** What a play function reads the story's words and formats from, in the story's locale. */
export interface StoryText {
  /** The story's locale, as the toolbar (or the story's own `globals`) set it. */
  locale: string;
  /** The message the story's components show for `key`, filled as the provider fills it. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** `t` as a pattern that finds the message inside a longer text (placeholders left out match anything). */
  pattern: (key: MessageKey, values?: MessageValues) => RegExp;
  /** The source of `pattern`, to join into a longer pattern. */
  source: (key: MessageKey, values?: MessageValues) => string;
  /** A number as the components format it (`10,000`, `10.000`). */
  number: (n: number) => string;
  /** An ISO date-time in words relative to `now`, as the components say it ("4 hours ago", "vor 4 Stunden"). */
  relativeTime: (iso: string, now: number) => string;
  /** An ISO date-time as a medium date (`Nov 1, 2026`, `01.11.2026`). */
  date: (iso: string, timeZone?: string) => string;
  /** An ISO date-time as a medium date and a short time. */
  dateTime: (iso: string, timeZone?: string) => string;
  /** A hotkeys problem (`{ code, values }`, as the core reports it) in the catalogue's words, as the components show it. */
  hotkeyMessage: (message: HotkeyMessage) => string;
}

/**
 * The words of the story's locale for its play function, read from the same catalogue the
 * story's `AccountProvider` uses (the preview loads it before the story renders), so that a play
 * passes in every toolbar locale without an English literal.
 *
 * @example
 * play: async ({ canvasElement, globals }) => {
 *   const { t } = storyText({ globals });
 *   await userEvent.click(within(canvasElement).getByRole('button', { name: t('common.retry') }));
 * }
 */
export function storyText({ globals }: { globals: Record<string, unknown> }): StoryText {
  const asked = resolveLocale(typeof globals.locale === 'string' ? globals.locale : 'en-US');
  const shipped = getLoadedCatalogue(asked.language);
  if (isShippedLanguage(asked.language) && !shipped) {
    throw new Error(`The "${asked.language}" catalogue is not loaded: the preview's loader should have loaded it.`);
  }
  // As the provider decides: a locale without a catalogue shows English in en-US formats.
  const locale = shipped ? asked.locale : 'en-US';
  const catalogue: Messages = { ...en, ...shipped };
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(catalogue[key], values, locale);
  const source = (key: MessageKey, values?: MessageValues) =>
    t(key, values)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\\\{\w+\\\}/g, '.+');
  return {
    locale,
    t,
    pattern: (key, values) => new RegExp(source(key, values)),
    source,
    number: (n) => formatNumber(n, locale),
    relativeTime: (iso, now) => formatRelativeTime(iso, locale, now),
    date: (iso, timeZone) => formatDate(iso, locale, timeZone),
    dateTime: (iso, timeZone) => formatDateTime(iso, locale, timeZone),
    hotkeyMessage: (message) => describeHotkeyMessage(message, t, locale),
  };
}

/** The locale the toolbar (or the story's `globals`) asks for, for a story that renders its own `AccountProvider`. */
export function toolbarLocale(globals: Record<string, unknown>): string {
  return typeof globals.locale === 'string' ? globals.locale : 'en-US';
}
