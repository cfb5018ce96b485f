import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ERROR_CODES,
  AccountError,
  isAccountError,
  toAccountError,
  type AccountErrorCode,
} from '../../src/adapters/errors';

describe('AccountError', () => {
  it('is an Error and an AccountError', () => {
    const error = new AccountError('server');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AccountError);
  });

  it('has the name "AccountError"', () => {
    expect(new AccountError('network').name).toBe('AccountError');
  });

  it('keeps its code', () => {
    expect(new AccountError('not_found').code).toBe('not_found');
  });

  it.each(ACCOUNT_ERROR_CODES)('has a non-empty default message for %s', (code) => {
    const { message } = new AccountError(code);
    expect(typeof message).toBe('string');
    expect(message.trim()).not.toBe('');
  });

  it('gives different codes different default messages', () => {
    const messages = new Set(ACCOUNT_ERROR_CODES.map((code) => new AccountError(code).message));
    expect(messages.size).toBe(ACCOUNT_ERROR_CODES.length);
  });

  it('uses a given message instead of the default', () => {
    expect(new AccountError('validation', 'First name is too long.').message).toBe('First name is too long.');
  });

  it('keeps status, fieldErrors and retryAfterMs', () => {
    const fieldErrors = { firstName: ['Too long.'] };
    const error = new AccountError('rate_limited', undefined, { status: 429, fieldErrors, retryAfterMs: 30_000 });
    expect(error.status).toBe(429);
    expect(error.fieldErrors).toEqual({ firstName: ['Too long.'] });
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('leaves status, fieldErrors and retryAfterMs undefined when not given', () => {
    const error = new AccountError('server');
    expect(error.status).toBeUndefined();
    expect(error.fieldErrors).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('keeps the cause', () => {
    const cause = new Error('socket closed');
    expect(new AccountError('network', undefined, { cause }).cause).toBe(cause);
  });

  const retryable: AccountErrorCode[] = ['network', 'server', 'rate_limited'];

  it.each(retryable)('is retryable for %s', (code) => {
    expect(new AccountError(code).isRetryable).toBe(true);
  });

  it.each(ACCOUNT_ERROR_CODES.filter((code) => !retryable.includes(code)))('is not retryable for %s', (code) => {
    expect(new AccountError(code).isRetryable).toBe(false);
  });
});

describe('isAccountError', () => {
  it('is true for an AccountError', () => {
    expect(isAccountError(new AccountError('forbidden'))).toBe(true);
  });

  it('is true for a look-alike from another bundle copy (name and code)', () => {
    const lookAlike = Object.assign(new Error('Nope.'), { name: 'AccountError', code: 'forbidden' });
    expect(isAccountError(lookAlike)).toBe(true);
  });

  it('is true for a plain object with the name and a string code', () => {
    expect(isAccountError({ name: 'AccountError', code: 'conflict', message: 'x' })).toBe(true);
  });

  it('is false for a plain Error', () => {
    expect(isAccountError(new Error('boom'))).toBe(false);
  });

  it('is false for an object named AccountError without a string code', () => {
    expect(isAccountError({ name: 'AccountError', code: 404 })).toBe(false);
  });

  it.each([null, undefined, 'AccountError', 42])('is false for %j', (value) => {
    expect(isAccountError(value)).toBe(false);
  });
});

describe('toAccountError', () => {
  it('maps a DOMException AbortError to "aborted" and keeps it as the cause', () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const error = toAccountError(abort);
    expect(error).toBeInstanceOf(AccountError);
    expect(error.code).toBe('aborted');
    expect(error.cause).toBe(abort);
  });

  it('maps a TypeError to "network" and keeps it as the cause', () => {
    const failed = new TypeError('Failed to fetch');
    const error = toAccountError(failed);
    expect(error.code).toBe('network');
    expect(error.cause).toBe(failed);
  });

  it('maps a plain Error to "server"', () => {
    expect(toAccountError(new Error('boom')).code).toBe('server');
  });

  it.each([
    ['a string', 'boom'],
    ['null', null],
    ['undefined', undefined],
    ['an object', { status: 500 }],
  ])('maps %s to "server"', (_label, value) => {
    expect(toAccountError(value).code).toBe('server');
  });

  it('maps a DOMException that is not an abort to "server"', () => {
    expect(toAccountError(new DOMException('Quota exceeded', 'QuotaExceededError')).code).toBe('server');
  });

  it('returns an AccountError unchanged', () => {
    const original = new AccountError('validation', 'Bad.', { status: 400 });
    expect(toAccountError(original)).toBe(original);
  });

  it('gives the mapped error the default message for its code', () => {
    expect(toAccountError(new TypeError('Failed to fetch')).message).toBe(new AccountError('network').message);
  });
});
