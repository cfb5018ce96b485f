// @ts-check
// Sign-in attempts are limited per client address and per account (the email as typed,
// lower-cased, whether or not such an account exists, so the limit tells nothing about which
// emails have accounts). Over the limit the answer is 429 with Retry-After, as Django REST
// framework's throttles answer.
import { HttpError } from './errors.js';

/**
 * @typedef {object} Limit
 * @property {number} attempts  how many attempts a window allows
 * @property {number} windowMs  how long an attempt counts
 */

/**
 * @typedef {object} SignInLimits
 * @property {Limit} perAddress  attempts from one client address
 * @property {Limit} perAccount  failed attempts for one email
 */

/** @type {SignInLimits} */
export const DEFAULT_SIGN_IN_LIMITS = {
  perAddress: { attempts: 30, windowMs: 10 * 60 * 1000 },
  perAccount: { attempts: 10, windowMs: 10 * 60 * 1000 },
};

/** At most this many keys are remembered; the oldest are forgotten first. */
const MAX_KEYS = 10_000;

/** A sliding-window log of attempts per key. @param {Limit} limit */
function createWindow(limit) {
  /** @type {Map<string, number[]>} */
  const attempts = new Map();
  /** @param {string} key @param {number} at */
  const current = (key, at) => {
    const list = (attempts.get(key) ?? []).filter((time) => time > at - limit.windowMs);
    if (list.length === 0) attempts.delete(key);
    else attempts.set(key, list);
    return list;
  };
  return {
    /** Milliseconds until the key may try again; 0 when it may now. @param {string} key @param {number} at */
    wait(key, at) {
      const list = current(key, at);
      if (list.length < limit.attempts) return 0;
      return /** @type {number} */ (list[list.length - limit.attempts]) + limit.windowMs - at;
    },
    /** @param {string} key @param {number} at */
    add(key, at) {
      const list = current(key, at);
      list.push(at);
      attempts.delete(key);
      attempts.set(key, list);
      if (attempts.size > MAX_KEYS) attempts.delete(/** @type {string} */ (attempts.keys().next().value));
    },
    /** Forgets one attempt made at `at`. @param {string} key @param {number} at */
    remove(key, at) {
      const list = current(key, at);
      const index = list.lastIndexOf(at);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) attempts.delete(key);
    },
    /** @param {string} key */
    clear(key) {
      attempts.delete(key);
    },
  };
}

/** The throttle for POST /api/session/login. @param {SignInLimits} limits */
export function createSignInThrottle(limits) {
  const byAddress = createWindow(limits.perAddress);
  const byAccount = createWindow(limits.perAccount);
  return {
    /**
     * Counts an attempt, or throws 429 when the address or the account is over its limit.
     * Counted before the password is checked, so parallel attempts can't slip past the limit.
     * Returns what to call with the outcome: a success does not count against the account.
     * @param {string} address @param {string} email
     * @returns {(succeeded: boolean) => void}
     */
    attempt(address, email) {
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
