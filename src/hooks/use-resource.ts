import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toAccountError, type AccountError } from '../adapters/errors';

/** Where a read stands. */
export type ResourceStatus = 'loading' | 'success' | 'error';

/**
 * A read as every hook reports it: `data` is there exactly when `status` is `success`, and `error`
 * exactly when it is `error`, so narrowing on `status` needs no assertion.
 */
export type ReadState<T> = (
  | { status: 'loading'; data: undefined; error: null }
  | { status: 'error'; data: undefined; error: AccountError }
  | { status: 'success'; data: T; error: null }
) & {
  /** Reads again. */
  retry: () => void;
};

/** What `useResource` returns: the read, plus the last value for hooks that keep it on screen. */
export type ResourceState<T> = ReadState<T> & {
  /** The last value read, kept while a retry or a new read is under way (for the hook, not the view). */
  latest: T | undefined;
  /** Replaces the value without reading, for optimistic updates and mutation results. */
  setData: (update: T | ((current: T | undefined) => T)) => void;
};

/** The read part of a state: `status`, `data`, `error` and `retry`, narrowed as a union. */
export function readOf<T>(
  status: ResourceStatus,
  data: T | undefined,
  error: AccountError | null,
  retry: () => void,
): ReadState<T> {
  if (status === 'error' && error) return { status, data: undefined, error, retry };
  if (status === 'success' && data !== undefined) return { status, data, error: null, retry };
  return { status: 'loading', data: undefined, error: null, retry };
}

interface Snapshot<T> {
  deps: readonly unknown[];
  status: ResourceStatus;
  data: T | undefined;
  error: AccountError | null;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Reads a value through the adapter when the component mounts and whenever `deps` change;
 * aborts the read on unmount or when a newer read starts, and never reports an abort.
 *
 * @example
 * const user = useResource((signal) => adapter.getCurrentUser({ signal }), [adapter]);
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ResourceState<T> {
  const [attempt, setAttempt] = useState(0);
  const currentDeps = [...deps, attempt];
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({
    deps: currentDeps,
    status: 'loading',
    data: undefined,
    error: null,
  });

  // A new read starts whenever the inputs change: show it as loading in this very render.
  if (!sameDeps(snapshot.deps, currentDeps)) {
    setSnapshot({ ...snapshot, deps: currentDeps, status: 'loading', error: null });
  }

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSnapshot((s) => ({ ...s, status: 'success', data, error: null }));
      },
      (reason: unknown) => {
        const error = toAccountError(reason);
        if (controller.signal.aborted || error.code === 'aborted') return;
        setSnapshot((s) => ({ ...s, status: 'error', error }));
      },
    );
    return () => controller.abort();
    // The caller's deps decide when to read again, as with useEffect; `load` is expected to change with them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, currentDeps);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback(
    (update: T | ((current: T | undefined) => T)) => {
      setSnapshot((s) => ({
        ...s,
        data: typeof update === 'function' ? (update as (current: T | undefined) => T)(s.data) : update,
      }));
    },
    [setSnapshot],
  );

  return { ...readOf(snapshot.status, snapshot.data, snapshot.error, retry), latest: snapshot.data, setData };
}
