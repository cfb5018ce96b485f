/** Every way an adapter call can fail, as a stable code a component can branch on. */
export type AccountErrorCode =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'aborted';

/** All error codes, in a fixed order, for iteration in tests and stories. */
export const ACCOUNT_ERROR_CODES: readonly AccountErrorCode[] = [
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'validation',
  'rate_limited',
  'server',
  'aborted',
];

/** What an `AccountError` carries besides its code and message. */
export interface AccountErrorOptions {
  /** The HTTP status that caused the error, when there was one. */
  status?: number;
  /** Messages for single input fields, keyed by the domain field name (`firstName`, a hotkey id, …). */
  fieldErrors?: Record<string, string[]>;
  /** How long the server asked the client to wait before retrying, in milliseconds. */
  retryAfterMs?: number;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

const DEFAULT_MESSAGES: Record<AccountErrorCode, string> = {
  network: 'The server could not be reached. Check your connection and try again.',
  unauthorized: 'Your session has ended. Sign in again to continue.',
  forbidden: "You don't have permission to do this.",
  not_found: 'This item no longer exists.',
  conflict: 'This conflicts with the current state. Reload and try again.',
  too_large: 'This is larger than the server accepts.',
  validation: 'Some values are not valid.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  server: 'The server had a problem. Try again in a moment.',
  aborted: 'The request was cancelled.',
};

/**
 * The one error type every adapter method rejects with.
 *
 * @example
 * throw new AccountError('validation', 'First name is too long.', { fieldErrors: { firstName: ['…'] } });
 */
export class AccountError extends Error {
  /** What kind of failure this is. */
  readonly code: AccountErrorCode;
  /** The HTTP status behind the error, when there was one. */
  readonly status?: number;
  /** Per-field messages for validation errors. */
  readonly fieldErrors?: Record<string, string[]>;
  /** Milliseconds to wait before retrying a `rate_limited` request, when known. */
  readonly retryAfterMs?: number;

  constructor(code: AccountErrorCode, message?: string, options: AccountErrorOptions = {}) {
    super(message ?? DEFAULT_MESSAGES[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AccountError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether trying the same call again could succeed (a network blip, a busy server). */
  get isRetryable(): boolean {
    return this.code === 'network' || this.code === 'server' || this.code === 'rate_limited';
  }
}

/** Whether a value is an `AccountError` (also across bundle copies, by name and code). */
export function isAccountError(value: unknown): value is AccountError {
  if (value instanceof AccountError) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'AccountError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Whether a value is an abort, from an `AccountError` or from the platform's `AbortError`. */
export function isAbortError(value: unknown): boolean {
  if (isAccountError(value)) return value.code === 'aborted';
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}

/** Turns anything an adapter may throw into an `AccountError`, so callers see one type. */
export function toAccountError(value: unknown): AccountError {
  if (isAccountError(value)) return value;
  if (isAbortError(value)) return new AccountError('aborted', undefined, { cause: value });
  // fetch() rejects with a TypeError when the network fails.
  if (value instanceof TypeError) return new AccountError('network', undefined, { cause: value });
  return new AccountError('server', undefined, { cause: value });
}

/** Rejects with an `aborted` AccountError when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AccountError('aborted');
}
