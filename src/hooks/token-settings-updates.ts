import { useEffect, useRef } from 'react';
import type { AccountAdapter, TokenSettings } from '../adapters/types';

type Listener = (settings: TokenSettings) => void;

/** Who shows each adapter's token settings, so that a save in one place updates the others. */
const listeners = new WeakMap<AccountAdapter, Set<Listener>>();

/** Tells everything showing this adapter's token settings (the TokenPanel's sections) what was saved. */
export function publishTokenSettings(adapter: AccountAdapter, settings: TokenSettings): void {
  for (const listener of listeners.get(adapter) ?? []) listener(settings);
}

/** Calls `onUpdate` with the settings whenever they are saved through this adapter elsewhere on the page. */
export function useTokenSettingsUpdates(adapter: AccountAdapter, onUpdate: Listener): void {
  const latest = useRef(onUpdate);
  useEffect(() => {
    latest.current = onUpdate;
  });
  useEffect(() => {
    const listener: Listener = (settings) => latest.current(settings);
    let set = listeners.get(adapter);
    if (!set) listeners.set(adapter, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [adapter]);
}
