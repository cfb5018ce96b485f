import { useCallback, useEffect, useRef, useState } from 'react';
import { toAccountError, type AccountError } from '../adapters/errors';

/** Where a write stands. */
export type MutationStatus = 'idle' | 'pending' | 'success' | 'error';

/** How a write ended: its value, or its error. */
export type MutationResult<O> = { ok: true; value: O } | { ok: false; error: AccountError };

/** What `useMutation` returns. */
export interface MutationState<I, O> {
  /** Starts the write; resolves to `undefined` when one is already under way or it was aborted. */
  run: (input: I) => Promise<MutationResult<O> | undefined>;
  /** Whether a write is under way, done, or failed. */
  status: MutationStatus;
  /** Why the last write failed, or `null`. Aborted writes are never errors. */
  error: AccountError | null;
  /** Whether a write is under way. */
  isPending: boolean;
  /** Cancels a write under way. */
  cancel: () => void;
  /** Forgets the last outcome (back to `idle`). */
  reset: () => void;
}

/**
 * Runs one write at a time through the adapter: a second `run` while one is under way is
 * ignored (no double submit), unmounting aborts it, and an abort is never reported as an error.
 *
 * @example
 * const save = useMutation((patch: ProfilePatch, signal) => adapter.updateProfile!(patch, { signal }));
 * <button disabled={save.isPending} onClick={() => save.run(values)}>Save</button>
 */
export function useMutation<I, O>(perform: (input: I, signal: AbortSignal) => Promise<O>): MutationState<I, O> {
  const [status, setStatus] = useState<MutationStatus>('idle');
  const [error, setError] = useState<AccountError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const performRef = useRef(perform);

  useEffect(() => {
    performRef.current = perform;
  });

  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback(async (input: I): Promise<MutationResult<O> | undefined> => {
    // A ref, not state: two clicks in one frame both see the first one's claim.
    if (controllerRef.current) return undefined;
    const controller = new AbortController();
    controllerRef.current = controller;
    setStatus('pending');
    setError(null);
    try {
      const value = await performRef.current(input, controller.signal);
      if (controller.signal.aborted) return undefined;
      setStatus('success');
      return { ok: true, value };
    } catch (reason) {
      const failure = toAccountError(reason);
      if (controller.signal.aborted || failure.code === 'aborted') {
        if (!controller.signal.aborted) setStatus('idle');
        return undefined;
      }
      setStatus('error');
      setError(failure);
      return { ok: false, error: failure };
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    controllerRef.current = null;
    controller.abort();
    setStatus('idle');
  }, []);

  const reset = useCallback(() => {
    setStatus('idle');
    setError(null);
  }, []);

  return { run, status, error, isPending: status === 'pending', cancel, reset };
}

/** Where a write stands, as every hook reports it beside the write's `run`. */
export type WriteStatus = Pick<MutationState<unknown, unknown>, 'status' | 'error' | 'isPending' | 'reset'>;

/** A write as every hook reports it: start it, see where it stands, and forget its outcome. */
export type WriteState<I, O> = WriteStatus & Pick<MutationState<I, O>, 'run'>;

/** The write part of a `useMutation` state (without `cancel`), as hooks hand it out. */
export function writeOf<I, O>(mutation: MutationState<I, O>): WriteState<I, O> {
  return {
    run: mutation.run,
    status: mutation.status,
    error: mutation.error,
    isPending: mutation.isPending,
    reset: mutation.reset,
  };
}
