import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { formatMessage } from '../../src/i18n/format-message';

describe('formatMessage', () => {
  describe('placeholders', () => {
    it('fills a text placeholder', () => {
      expect(formatMessage(en['account.signedInAs'], { name: 'Ada Lovelace' })).toBe('Signed in as Ada Lovelace');
    });

    it('fills every placeholder, including repeats', () => {
      expect(formatMessage('{a} and {b}, then {a}', { a: 'x', b: 'y' })).toBe('x and y, then x');
    });

    it('leaves an unknown placeholder as written', () => {
      expect(formatMessage('Hello {name}, you have {unknown}', { name: 'Ada' })).toBe('Hello Ada, you have {unknown}');
    });

    it('leaves every placeholder as written when no values are given', () => {
      expect(formatMessage('Try again in {seconds} seconds.')).toBe('Try again in {seconds} seconds.');
    });

    it('returns a message without placeholders unchanged', () => {
      expect(formatMessage(en['common.retry'])).toBe('Retry');
    });

    it('does not format a string value as a number', () => {
      expect(formatMessage('{value}', { value: '1284' }, 'en-US')).toBe('1284');
    });
  });

  describe('numbers', () => {
    it('formats a number with en-US grouping', () => {
      expect(formatMessage(en['error.rate_limited'], { count: 1284 }, 'en-US')).toBe(
        'Too many requests. Try again in 1,284 seconds.',
      );
    });

    it('formats a number with de-DE grouping', () => {
      expect(formatMessage('{n} Sekunden', { n: 1284 }, 'de-DE')).toBe('1.284 Sekunden');
    });

    it('formats numbers for en-US when no locale is given', () => {
      expect(formatMessage('{n}', { n: 1284.5 })).toBe('1,284.5');
    });
  });

  describe('plurals', () => {
    it('picks the "one" form for 1 in English', () => {
      expect(formatMessage(en['account.members'], { count: 1 }, 'en')).toBe('1 member');
    });

    it('picks the "other" form for 2 in English', () => {
      expect(formatMessage(en['account.members'], { count: 2 }, 'en')).toBe('2 members');
    });

    it('picks the "other" form for 0 in English', () => {
      expect(formatMessage(en['account.members'], { count: 0 }, 'en')).toBe('0 members');
    });

    it('formats the count inside the chosen form for the locale', () => {
      expect(formatMessage(en['account.members'], { count: 1284 }, 'en-US')).toBe('1,284 members');
    });

    const polishFiles = { one: '{count} plik', few: '{count} pliki', many: '{count} plików', other: '{count} pliku' };

    it('picks the Polish "few" form for 2', () => {
      expect(formatMessage(polishFiles, { count: 2 }, 'pl')).toBe('2 pliki');
    });

    it('picks the Polish "many" form for 5', () => {
      expect(formatMessage(polishFiles, { count: 5 }, 'pl')).toBe('5 plików');
    });

    it('picks the Polish "one" form for 1', () => {
      expect(formatMessage(polishFiles, { count: 1 }, 'pl')).toBe('1 plik');
    });

    it('falls back to "other" when the chosen category has no form', () => {
      const message = { one: '{count} plik', few: '{count} pliki', other: '{count} pliku' };
      expect(formatMessage(message, { count: 5 }, 'pl')).toBe('5 pliku');
    });

    it('falls back to "other" when there is no count', () => {
      expect(formatMessage(en['account.members'], {}, 'en')).toBe('{count} members');
    });

    it('falls back to "other" when the count is not a number', () => {
      expect(formatMessage(en['account.members'], { count: 'several' }, 'en')).toBe('several members');
    });

    it('chooses the form from a numeric string count', () => {
      expect(formatMessage(en['account.members'], { count: '1' }, 'en')).toBe('1 member');
    });
  });
});
