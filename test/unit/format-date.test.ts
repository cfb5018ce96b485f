import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelativeTime,
  parseIsoDate,
  relativeTimeParts,
} from '../../src/core/format/format-date';

/** ICU puts a narrow no-break space before AM/PM in some versions and a plain one in others. */
function spaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

const JULY_4 = '2026-07-04T15:30:00.000Z';
const NOW = Date.parse(JULY_4);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function ago(ms: number): string {
  return new Date(NOW - ms).toISOString();
}

describe('parseIsoDate', () => {
  it('reads ISO 8601 dates and date-times as backends send them', () => {
    expect(parseIsoDate(JULY_4)?.getTime()).toBe(NOW);
    expect(parseIsoDate('2026-07-04T15:30:00Z')?.getTime()).toBe(NOW);
    expect(parseIsoDate('2026-07-04T17:30:00+02:00')?.getTime()).toBe(NOW);
    expect(parseIsoDate('2026-07-04T15:30:00.123456Z')?.getTime()).toBe(NOW + 123);
    expect(parseIsoDate('2026-07-04 15:30:00Z')?.getTime()).toBe(NOW);
    expect(parseIsoDate('2026-07-04')?.getTime()).toBe(Date.UTC(2026, 6, 4));
  });

  it('refuses anything else, even what an engine would guess at', () => {
    expect(parseIsoDate('sometime in 2019')).toBeNull();
    expect(parseIsoDate('July 4, 2026')).toBeNull();
    expect(parseIsoDate('2026-13-45')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
    expect(parseIsoDate(undefined as unknown as string)).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('formats a medium date with a short time for en-US and de-DE', () => {
    expect(spaces(formatDateTime(JULY_4, 'en-US', 'UTC'))).toBe('Jul 4, 2026, 3:30 PM');
    expect(formatDateTime(JULY_4, 'de-DE', 'UTC')).toBe('04.07.2026, 15:30');
  });

  it('uses the time zone it is given', () => {
    expect(formatDateTime(JULY_4, 'de-DE', 'Europe/Berlin')).toBe('04.07.2026, 17:30');
    expect(spaces(formatDateTime('2026-07-04T02:00:00Z', 'en-US', 'America/New_York'))).toBe('Jul 3, 2026, 10:00 PM');
  });

  it('returns the input for a value that is not a date, or an unknown time zone', () => {
    expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('not a date');
    expect(formatDateTime('sometime in 2019', 'en-US', 'UTC')).toBe('sometime in 2019');
    expect(formatDateTime('', 'en-US')).toBe('');
    expect(formatDateTime(JULY_4, 'en-US', 'Mars/Olympus_Mons')).toBe(JULY_4);
  });
});

describe('formatDate', () => {
  it('formats a medium date without the time for en-US and de-DE', () => {
    expect(formatDate(JULY_4, 'en-US', 'UTC')).toBe('Jul 4, 2026');
    expect(formatDate(JULY_4, 'de-DE', 'UTC')).toBe('04.07.2026');
  });

  it('returns the input for a value that is not a date', () => {
    expect(formatDate('2026-13-45', 'de-DE', 'UTC')).toBe('2026-13-45');
  });
});

describe('formatRelativeTime', () => {
  it('says days in words, in English and German', () => {
    expect(formatRelativeTime(ago(3 * DAY), 'en-US', NOW)).toBe('3 days ago');
    expect(formatRelativeTime(ago(3 * DAY), 'de-DE', NOW)).toBe('vor 3 Tagen');
    expect(formatRelativeTime(ago(DAY), 'en-US', NOW)).toBe('yesterday');
    expect(formatRelativeTime(ago(DAY), 'de-DE', NOW)).toBe('gestern');
  });

  it('says the future too', () => {
    expect(formatRelativeTime(ago(-2 * HOUR), 'en-US', NOW)).toBe('in 2 hours');
    expect(formatRelativeTime(ago(-2 * HOUR), 'de-DE', NOW)).toBe('in 2 Stunden');
    expect(formatRelativeTime(ago(-DAY), 'en-US', NOW)).toBe('tomorrow');
  });

  it('picks the unit that reads naturally', () => {
    expect(formatRelativeTime(JULY_4, 'en-US', NOW)).toBe('now');
    expect(formatRelativeTime(ago(10 * SECOND), 'en-US', NOW)).toBe('10 seconds ago');
    expect(formatRelativeTime(ago(50 * SECOND), 'en-US', NOW)).toBe('1 minute ago');
    expect(formatRelativeTime(ago(5 * MINUTE), 'en-US', NOW)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(50 * MINUTE), 'en-US', NOW)).toBe('1 hour ago');
    expect(formatRelativeTime(ago(21 * HOUR), 'en-US', NOW)).toBe('21 hours ago');
    expect(formatRelativeTime(ago(23 * HOUR), 'en-US', NOW)).toBe('yesterday');
    expect(formatRelativeTime(ago(25 * DAY), 'en-US', NOW)).toBe('25 days ago');
    expect(formatRelativeTime(ago(28 * DAY), 'en-US', NOW)).toBe('last month');
    expect(formatRelativeTime(ago(120 * DAY), 'en-US', NOW)).toBe('4 months ago');
    expect(formatRelativeTime(ago(120 * DAY), 'de-DE', NOW)).toBe('vor 4 Monaten');
    expect(formatRelativeTime(ago(330 * DAY), 'en-US', NOW)).toBe('last year');
    expect(formatRelativeTime(ago(3 * 365 * DAY), 'en-US', NOW)).toBe('3 years ago');
    expect(formatRelativeTime(ago(3 * 365 * DAY), 'de-DE', NOW)).toBe('vor 3 Jahren');
  });

  it('never says "0 seconds ago" for a moment just past', () => {
    expect(relativeTimeParts(NOW - 100, NOW)).toEqual({ value: 0, unit: 'second' });
    expect(Object.is(relativeTimeParts(NOW - 100, NOW).value, -0)).toBe(false);
  });

  it('returns the input for a value that is not a date, or a bad reference time', () => {
    expect(formatRelativeTime('yesterday-ish', 'en-US', NOW)).toBe('yesterday-ish');
    expect(formatRelativeTime(JULY_4, 'en-US', Number.NaN)).toBe(JULY_4);
  });

  it('measures from the current time when no reference is given', () => {
    expect(formatRelativeTime(new Date(Date.now() - 3 * DAY).toISOString(), 'en-US')).toBe('3 days ago');
  });
});

describe('formatNumber', () => {
  it('groups digits as the locale does', () => {
    expect(formatNumber(1284, 'en-US')).toBe('1,284');
    expect(formatNumber(1284, 'de-DE')).toBe('1.284');
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'de-DE')).toBe('1.234.567,5');
    expect(formatNumber(0, 'de-DE')).toBe('0');
  });

  it('passes options through', () => {
    expect(spaces(formatNumber(0.5, 'de-DE', { style: 'percent' }))).toBe('50 %');
  });

  it('never throws', () => {
    expect(formatNumber(Number.NaN, 'en-US')).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en-US')).toBe('Infinity');
    expect(formatNumber(5, 'not a locale!')).toBe('5');
  });
});
