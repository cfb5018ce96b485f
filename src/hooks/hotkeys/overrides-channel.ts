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
  // One flat set of subscriptions: a page holds a few `useHotkeys`, and this weighs least in the app-wide entry.
  const subscriptions = new Set<[AccountAdapter, Listener]>();
  return {
    publish(adapter, overrides, projectId = null) {
      for (const [subscribed, listener] of subscriptions) if (subscribed === adapter) listener(overrides, projectId);
    },
    subscribe(adapter, listener) {
      const subscription: [AccountAdapter, Listener] = [adapter, listener];
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
  };
}
