import type { AccountAdapter, HotkeyOverrides } from '../../adapters/types';

type Listener = (overrides: HotkeyOverrides) => void;

/** Tells the `useHotkeys` of one provider that an editor saved new overrides. */
export interface OverridesChannel {
  /** Tells every `useHotkeys` on this adapter that the saved overrides changed. */
  publish: (adapter: AccountAdapter, overrides: HotkeyOverrides) => void;
  /** Listens for saved overrides on this adapter; returns the unsubscribe. */
  subscribe: (adapter: AccountAdapter, listener: Listener) => () => void;
}

/** A channel of its own, for one provider (so an editor under another provider rebinds nothing here). */
export function createOverridesChannel(): OverridesChannel {
  const listeners = new WeakMap<AccountAdapter, Set<Listener>>();
  return {
    publish(adapter, overrides) {
      for (const listener of listeners.get(adapter) ?? []) listener(overrides);
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
