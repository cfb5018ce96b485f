/**
 * Locale-aware formatting of dates, relative times and numbers through `Intl`, for any
 * component that shows them. Pure: no React, no DOM, and nothing here ever throws on bad input.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The average Gregorian month and year, which is all a rounded "4 months ago" needs. */
const MONTH = 30.436875 * DAY;
const YEAR = 365.2425 * DAY;

const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

/** One formatter per locale and options, built on first use; `Intl` constructors are slow. */
function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  create: () => F,
): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** ISO 8601 as backends send it: a date, optionally a time (`T` or a space), optionally an offset. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads an ISO 8601 date or date-time, or returns `null` when it is not one or names no real
 * moment. Stricter than `new Date()`, which in some engines reads "sometime in 2019" as a date.
 *
 * @example
 * parseIsoDate('2026-07-04T15:30:00Z')?.getTime(); // 1783179000000
 */
export function parseIsoDate(iso: string): Date | null {
  if (typeof iso !== 'string') return null;
  const trimmed = iso.trim();
  if (!ISO_DATE_TIME.test(trimmed)) return null;
  const date = new Date(trimmed.replace(' ', 'T').replace(',', '.'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Formats an ISO date-time as a medium date with a short time (`Jul 4, 2026, 3:30 PM`,
 * `04.07.2026, 15:30`); returns the input unchanged when it is not a date.
 *
 * @example
 * formatDateTime('2026-07-04T15:30:00Z', 'de-DE', 'UTC'); // '04.07.2026, 15:30'
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  try {
    return cached(
      `dt|${locale}|${timeZone ?? ''}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    ).format(date);
  } catch {
    // An unknown locale or time zone: the raw value still tells the user something.
    return iso;
  }
}

/**
 * Formats an ISO date-time as a medium date without the time (`Jul 4, 2026`, `04.07.2026`);
 * returns the input unchanged when it is not a date.
 *
 * @example
 * formatDate('2026-07-04T15:30:00Z', 'en-US', 'UTC'); // 'Jul 4, 2026'
 */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  try {
    return cached(
      `d|${locale}|${timeZone ?? ''}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
    ).format(date);
  } catch {
    return iso;
  }
}

/** A unit `Intl.RelativeTimeFormat` accepts, as `formatRelativeTime` picks it. */
export type RelativeTimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

/** The signed amount and unit to say how far `time` is from `now` (negative: in the past). */
export function relativeTimeParts(time: number, now: number): { value: number; unit: RelativeTimeUnit } {
  const diff = time - now;
  const size = Math.abs(diff);
  // Each unit takes over where the smaller one would read awkwardly ("50 minutes" → "1 hour").
  const [step, unit]: [number, RelativeTimeUnit] =
    size < 45 * SECOND
      ? [SECOND, 'second']
      : size < 45 * MINUTE
        ? [MINUTE, 'minute']
        : size < 22 * HOUR
          ? [HOUR, 'hour']
          : size < 26 * DAY
            ? [DAY, 'day']
            : size < 320 * DAY
              ? [MONTH, 'month']
              : [YEAR, 'year'];
  // `|| 0` turns -0 into 0, which some engines would say as "0 seconds ago" rather than "now".
  return { value: Math.round(diff / step) || 0, unit };
}

/**
 * Says how far an ISO date-time is from `now` in words ("3 days ago", "yesterday", "in 2 hours",
 * "vor 3 Tagen"), in the largest unit that reads naturally; returns the input unchanged when it
 * is not a date.
 *
 * @example
 * formatRelativeTime('2026-07-01T12:00:00Z', 'en-US', Date.parse('2026-07-04T12:00:00Z')); // '3 days ago'
 */
export function formatRelativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const date = parseIsoDate(iso);
  if (!date || !Number.isFinite(now)) return iso;
  const { value, unit } = relativeTimeParts(date.getTime(), now);
  try {
    return cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(value, unit);
  } catch {
    return iso;
  }
}

/**
 * Formats a number for the locale (`1,284`, `1.284`); a value that is not a finite number is
 * returned as text.
 *
 * @example
 * formatNumber(1284, 'de-DE'); // '1.284'
 */
export function formatNumber(n: number, locale: string, options?: Intl.NumberFormatOptions): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  try {
    return cached(
      `n|${locale}|${options ? JSON.stringify(options) : ''}`,
      () => new Intl.NumberFormat(locale, options),
    ).format(n);
  } catch {
    return String(n);
  }
}
