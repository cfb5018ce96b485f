// Latency and failures on purpose, around any adapter: for demos that show loading and error
// states, and for tests of what a component does when the backend is slow or fails.
import { AccountError, throwIfAborted, type AccountErrorCode } from './errors';
import {
  ADAPTER_METHOD_NAMES,
  type AccountAdapter,
  type AdapterMethodName,
  type RequestOptions,
  type UploadOptions,
} from './types';

/** How a method fails on purpose: an error code, or a ready error. */
export type MemoryFault = AccountErrorCode | AccountError;

/** Options of `withFaults`: how slow each method is, and which ones fail. */
export interface WithFaultsOptions {
  /** How long calls take in milliseconds, to show loading states: one figure, or one per method (others take 0). @default 0 */
  latencyMs?: number | Partial<Record<AdapterMethodName, number>>;
  /** Makes methods fail: one code for every method, or a fault per method name. */
  fail?: AccountErrorCode | Partial<Record<AdapterMethodName, MemoryFault>>;
}

const FAULT_STATUS: Partial<Record<AccountErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  validation: 400,
  rate_limited: 429,
  server: 500,
};

/** Where each method takes its `RequestOptions`: first, or after its input. Checked against the contract. */
const OPTIONS_ARGUMENT: {
  [K in AdapterMethodName]: Parameters<NonNullable<AccountAdapter[K]>> extends [options?: unknown] ? 0 : 1;
} = {
  getCurrentUser: 0,
  updateProfile: 1,
  uploadAvatar: 1,
  removeAvatar: 0,
  getEmailPreferences: 0,
  updateEmailPreferences: 1,
  getMembership: 0,
  getTokenSettings: 0,
  updateTokenSettings: 1,
  listPersonalTokens: 0,
  createPersonalToken: 1,
  revokePersonalToken: 1,
  getLegacyToken: 0,
  renewLegacyToken: 0,
  getHotkeys: 0,
  saveHotkeys: 1,
  getHotkeySettings: 0,
  saveHotkeySettings: 1,
  listProjects: 0,
  listMembers: 1,
  getMember: 1,
  getInviteLink: 0,
  resetInviteLink: 0,
  removeMember: 1,
  signIn: 1,
  signUp: 1,
  getSignUpPolicy: 1,
  signOut: 0,
};

/** Steps in which a slow upload reports its progress. */
const UPLOAD_STEPS = 10;

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AccountError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Wraps any adapter so that its methods take time and fail on purpose; methods it lacks stay
 * absent. A call waits its latency (cancellable through its signal), then rejects with its
 * fault, if it has one, else goes to the adapter. A slow `uploadAvatar` reports the wait as
 * upload progress in ten steps (and the adapter's own progress is not passed on).
 *
 * @example
 * const adapter = withFaults(createMyAdapter(), { latencyMs: 800, fail: { saveHotkeys: 'conflict' } });
 */
export function withFaults<A extends AccountAdapter>(adapter: A, options: WithFaultsOptions): A {
  const latencyOf = (method: AdapterMethodName): number =>
    typeof options.latencyMs === 'number' ? options.latencyMs : (options.latencyMs?.[method] ?? 0);

  /** Throws the fault injected for this method, if any. */
  function throwInjectedFault(method: AdapterMethodName): void {
    const fault = typeof options.fail === 'string' ? options.fail : options.fail?.[method];
    if (fault === undefined) return;
    if (fault instanceof AccountError) throw fault;
    throw new AccountError(fault, undefined, {
      ...(FAULT_STATUS[fault] === undefined ? {} : { status: FAULT_STATUS[fault] }),
      ...(fault === 'rate_limited' ? { retryAfterMs: 1000 } : {}),
    });
  }

  // Own properties as they are, and the two facts an adapter may keep elsewhere (a getter, a prototype).
  const wrapped: Record<string, unknown> = { ...(adapter as object) };
  if (adapter.apiBaseUrl !== undefined) wrapped.apiBaseUrl = adapter.apiBaseUrl;
  if (adapter.tokenUsage !== undefined) wrapped.tokenUsage = adapter.tokenUsage;

  for (const method of ADAPTER_METHOD_NAMES) {
    const original = adapter[method] as AnyMethod | undefined;
    if (typeof original !== 'function') continue;
    const index = OPTIONS_ARGUMENT[method];
    wrapped[method] = async (...args: unknown[]) => {
      const requestOptions = args[index] as RequestOptions | undefined;
      const signal = requestOptions?.signal;
      const latencyMs = latencyOf(method);
      if (method === 'uploadAvatar' && latencyMs > 0) {
        // The transfer happens first, as over a network, and can be cancelled part way.
        const { onProgress } = (requestOptions ?? {}) as UploadOptions;
        for (let step = 1; step <= UPLOAD_STEPS; step++) {
          await wait(latencyMs / UPLOAD_STEPS, signal);
          throwIfAborted(signal);
          onProgress?.(step / UPLOAD_STEPS);
        }
        throwInjectedFault(method);
        // The wait has reported the whole transfer, so the adapter's own progress is not passed on.
        const rest = [...args];
        rest[index] = { ...requestOptions, onProgress: undefined } satisfies UploadOptions;
        return original.apply(adapter, rest);
      }
      await wait(latencyMs, signal);
      // A signal that fired while this call was queued still wins, as it would over the network.
      throwIfAborted(signal);
      throwInjectedFault(method);
      return original.apply(adapter, args);
    };
  }
  return wrapped as A;
}
