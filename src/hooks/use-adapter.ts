import type { AccountAdapter, AdapterMethodName } from '../adapters/types';
import { isDevelopment } from '../core/is-development';
import { useOptionalAccount } from '../provider/account-context';

/**
 * The adapter a hook should use: the one passed in, else the nearest provider's.
 * Throws when there is neither, naming the provider the caller is missing.
 */
export function useAdapter(adapter?: AccountAdapter): AccountAdapter {
  const account = useOptionalAccount();
  const resolved = adapter ?? account?.adapter;
  if (!resolved) throw new Error('useAccount must be used within <AccountProvider>');
  return resolved;
}

const warned = new Set<string>();

/**
 * Logs, once per component and method, that a control is hidden because the adapter lacks a
 * method. Silent in production builds.
 */
export function warnMissingMethod(component: string, method: AdapterMethodName): void {
  const key = `${component}:${method}`;
  if (warned.has(key) || !isDevelopment()) return;
  warned.add(key);
  console.warn(
    `[react-account-settings] ${component}: the adapter has no ${method}(), so the control that needs it is hidden or read-only.`,
  );
}
