import type { AccountAdapter, HotkeyOverrides } from '../../adapters/types';

type Listener = (overrides: HotkeyOverrides) => void;

const listeners = new WeakMap<AccountAdapter, Set<Listener>>();

/** Tells every `useHotkeys` on this adapter that the saved overrides changed. */
export function publishOverrides(adapter: AccountAdapter, overrides: HotkeyOverrides): void {
  for (const listener of listeners.get(adapter) ?? []) listener(overrides);
}

/** Listens for saved overrides on this adapter; returns the unsubscribe. */
export function subscribeOverrides(adapter: AccountAdapter, listener: Listener): () => void {
  let set = listeners.get(adapter);
  if (!set) {
    set = new Set();
    listeners.set(adapter, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}
