// Sign-in attempts are limited per client address and per account (the email as typed,
// lower-cased, whether or not such an account exists, so the limit tells nothing about which
// emails have accounts). Over the limit the answer is 429 with Retry-After, as Django REST
// framework's throttles answer.
import { HttpError } from './errors.ts';

/** How many sign-in attempts a window allows, and how long an attempt counts. */
export interface Limit {
  /** How many attempts a window allows. */
  attempts: number;
  /** How long an attempt counts, in milliseconds. */
  windowMs: number;
}

/** The sign-in limits of a server. */
export interface SignInLimits {
  /** Attempts from one client address. */
  perAddress: Limit;
  /** Failed attempts for one email. */
  perAccount: Limit;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { attempts: 30, windowMs: 10 * 60 * 1000 },
  perAccount: { attempts: 10, windowMs: 10 * 60 * 1000 },
};

/** At most this many keys are remembered; the oldest are forgotten first. */
const MAX_KEYS = 10_000;

/** A sliding-window log of attempts per key. */
function createWindow(limit: Limit) {
  const attempts = new Map<string, number[]>();
  const current = (key: string, at: number): number[] => {
    const list = (attempts.get(key) ?? []).filter((time) => time > at - limit.windowMs);
    if (list.length === 0) attempts.delete(key);
    else attempts.set(key, list);
    return list;
  };
  return {
    /** Milliseconds until the key may try again; 0 when it may now. */
    wait(key: string, at: number): number {
      const list = current(key, at);
      const oldestCounted = list[list.length - limit.attempts];
      if (oldestCounted === undefined) return 0;
      return oldestCounted + limit.windowMs - at;
    },
    add(key: string, at: number): void {
      const list = current(key, at);
      list.push(at);
      attempts.delete(key);
      attempts.set(key, list);
      if (attempts.size > MAX_KEYS) {
        const oldest = attempts.keys().next();
        if (!oldest.done) attempts.delete(oldest.value);
      }
    },
    /** Forgets one attempt made at `at`. */
    remove(key: string, at: number): void {
      const list = current(key, at);
      const index = list.lastIndexOf(at);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) attempts.delete(key);
    },
    clear(key: string): void {
      attempts.delete(key);
    },
  };
}

/** The throttle for POST /api/session/login. */
export function createSignInThrottle(limits: SignInLimits) {
  const byAddress = createWindow(limits.perAddress);
  const byAccount = createWindow(limits.perAccount);
  return {
    /**
     * Counts an attempt, or throws 429 when the address or the account is over its limit.
     * Counted before the password is checked, so parallel attempts can't slip past the limit.
     * Returns what to call with the outcome: a success does not count against the account.
     */
    attempt(address: string, email: string): (succeeded: boolean) => void {
      const account = email.trim().toLowerCase();
      const at = Date.now();
      const wait = Math.max(byAddress.wait(address, at), byAccount.wait(account, at));
      if (wait > 0) {
        const seconds = Math.max(1, Math.ceil(wait / 1000));
        throw new HttpError(
          429,
          `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
          { headers: { 'Retry-After': String(seconds) } },
        );
      }
      byAddress.add(address, at);
      byAccount.add(account, at);
      return (succeeded) => {
        if (!succeeded) return;
        byAccount.clear(account);
        byAddress.remove(address, at);
      };
    },
  };
}
