import type { AccountAdapter, HotkeyOverrides } from '../../adapters/types';

type Listener = (overrides: HotkeyOverrides, projectId: string | null) => void;

/** Tells the `useHotkeys` of one provider that an editor saved new overrides. */
export interface OverridesChannel {
  /** Tells every `useHotkeys` on this adapter that the saved overrides changed: the account map, or with a `projectId` that project's. */
  publish: (adapter: AccountAdapter, overrides: HotkeyOverrides, projectId?: string | null) => void;
  /** Listens for saved overrides on this adapter; returns the unsubscribe. */
  subscribe: (adapter: AccountAdapter, listener: Listener) => () => void;
}

/** A channel of its own, for one provider (so an editor under another provider rebinds nothing here). */
export function createOverridesChannel(): OverridesChannel {
  const listeners = new WeakMap<AccountAdapter, Set<Listener>>();
  return {
    publish(adapter, overrides, projectId = null) {
      for (const listener of listeners.get(adapter) ?? []) listener(overrides, projectId);
    },
    subscribe(adapter, listener) {
      let set = listeners.get(adapter);
      if (!set) {
        set = new Set();
        listeners.set(adapter, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
