// The signed-in user, read once for every component that shows it at the same time: the photo and
// the profile form on one page make one request, and a change one of them saves (a new name, a new
// photo) reaches the other. The read is kept while anything uses it and dropped when the last user
// unmounts, so a page opened later (after signing in as someone else, say) reads afresh.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { toAccountError, type AccountError } from '../adapters/errors';
import type { AccountAdapter, User } from '../adapters/types';
import { useAdapter } from './use-adapter';
import { readOf, type ResourceState, type ResourceStatus } from './use-resource';

interface Snapshot {
  status: ResourceStatus;
  data: User | undefined;
  error: AccountError | null;
}

interface SharedRead {
  snapshot: Snapshot;
  listeners: Set<() => void>;
  controller: AbortController | null;
  /** Whether a read was started for the current subscribers (reset when the last one leaves). */
  started: boolean;
}

const LOADING: Snapshot = { status: 'loading', data: undefined, error: null };
const reads = new WeakMap<AccountAdapter, SharedRead>();

function sharedRead(adapter: AccountAdapter): SharedRead {
  let read = reads.get(adapter);
  if (!read) {
    read = { snapshot: LOADING, listeners: new Set(), controller: null, started: false };
    reads.set(adapter, read);
  }
  return read;
}

function publish(read: SharedRead, snapshot: Snapshot) {
  read.snapshot = snapshot;
  for (const listener of read.listeners) listener();
}

function load(adapter: AccountAdapter, read: SharedRead) {
  read.controller?.abort();
  const controller = new AbortController();
  read.controller = controller;
  read.started = true;
  // A retry keeps the last user on screen while it reads; the first read shows loading.
  if (read.snapshot.status !== 'loading') publish(read, { ...read.snapshot, status: 'loading', error: null });
  adapter.getCurrentUser({ signal: controller.signal }).then(
    (data) => {
      if (controller.signal.aborted) return;
      read.controller = null;
      publish(read, { status: 'success', data, error: null });
    },
    (reason: unknown) => {
      const error = toAccountError(reason);
      if (controller.signal.aborted || error.code === 'aborted') return;
      read.controller = null;
      publish(read, { ...read.snapshot, status: 'error', error });
    },
  );
}

/**
 * Puts a user who just signed in (or up) into the shared read, so that everything showing the
 * signed-in user follows at once, without asking the backend again.
 */
export function shareSignedInUser(adapter: AccountAdapter, user: User): void {
  const read = sharedRead(adapter);
  read.controller?.abort();
  read.controller = null;
  read.started = read.listeners.size > 0;
  publish(read, { status: 'success', data: user, error: null });
}

/** Options of `useCurrentUser`. */
export interface UseCurrentUserOptions {
  /** The adapter to use instead of the provider's (needed outside an `AccountProvider`). */
  adapter?: AccountAdapter;
}

/**
 * Reads the signed-in user through the adapter, shared by every component and hook using the same
 * adapter at the same time (the photo, the profile form, the host's header): one request, and
 * `setData` (after a save) updates them all. `retry()` reads again, after signing in, say.
 *
 * @example
 * const user = useCurrentUser();
 * if (user.status === 'success') console.log(user.data.email);
 */
export function useCurrentUser(options: UseCurrentUserOptions = {}): ResourceState<User> {
  const adapter = useAdapter(options.adapter);
  const read = sharedRead(adapter);
  const subscribe = useCallback(
    (listener: () => void) => {
      read.listeners.add(listener);
      return () => {
        read.listeners.delete(listener);
        // Wait a tick before dropping the read: a remount (React's StrictMode, a keyed swap) keeps it.
        setTimeout(() => {
          if (read.listeners.size > 0) return;
          read.controller?.abort();
          read.controller = null;
          read.started = false;
          read.snapshot = LOADING;
        }, 0);
      };
    },
    [read],
  );
  const snapshot = useSyncExternalStore(
    subscribe,
    () => read.snapshot,
    () => LOADING,
  );

  useEffect(() => {
    if (!read.started) load(adapter, read);
  }, [adapter, read]);

  const retry = useCallback(() => load(adapter, read), [adapter, read]);
  const setData = useCallback(
    (update: User | ((current: User | undefined) => User)) => {
      const data = typeof update === 'function' ? update(read.snapshot.data) : update;
      publish(read, { ...read.snapshot, data });
    },
    [read],
  );
  return { ...readOf(snapshot.status, snapshot.data, snapshot.error, retry), latest: snapshot.data, setData };
}
