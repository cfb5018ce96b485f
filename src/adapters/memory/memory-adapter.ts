import type { AvatarLimits } from '../../core/image/validate-avatar-file';
import type { AccountRules } from '../../core/rules';
import * as defaultPreset from '../../label-studio/default-preset';
import { AccountError } from '../errors';
import { ADAPTER_METHOD_GROUPS, type AccountAdapter, type AdapterMethodName, type TokenUsageExamples } from '../types';
import { withFaults, type WithFaultsOptions } from '../with-faults';
import { avatarHandlers } from './handlers/avatar';
import { emailHandlers } from './handlers/email';
import { hotkeyHandlers, hotkeySettingsHandlers, projectHandlers } from './handlers/hotkeys';
import { membershipHandlers } from './handlers/membership';
import { peopleHandlers } from './handlers/people';
import { profileHandlers } from './handlers/profile';
import { sessionHandlers } from './handlers/session';
import { tokenHandlers } from './handlers/tokens';
import { createMemoryStore, type MemoryStoreOptions } from './store';

export type { MemoryAdapterStorage } from './store';
export type { MemoryFault } from '../with-faults';

/** Options of `createMemoryAdapter`. */
export interface MemoryAdapterOptions extends MemoryStoreOptions, WithFaultsOptions {
  /** The server rules the adapter enforces (avatar limits, field length, hotkey rules, active tokens). @default the default preset's rules (from react-account-settings/label-studio) */
  rules?: AccountRules;
  /** The avatar limits the adapter enforces, where they differ from `rules.avatar`. */
  avatarLimits?: Partial<AvatarLimits>;
  /** The `apiBaseUrl` the adapter reports, for copyable examples. */
  apiBaseUrl?: string;
  /** The `tokenUsage` examples the adapter reports. */
  tokenUsage?: TokenUsageExamples;
}

/** The memory adapter: every method of the contract, kept in memory. */
export type MemoryAdapter = AccountAdapter & Required<Omit<AccountAdapter, 'apiBaseUrl' | 'tokenUsage'>>;

/**
 * Creates the embedded adapter: realistic seed data, optional persistence, latency and fault
 * injection, and the same rules the real server enforces (`rules`).
 *
 * @example
 * const adapter = createMemoryAdapter({ storage: window.localStorage, latencyMs: 300 });
 * <AccountProvider adapter={adapter}>…</AccountProvider>
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const rules = options.rules ?? defaultPreset.rules;
  const store = createMemoryStore({ ...options, rules });
  const adapter: MemoryAdapter = {
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(options.tokenUsage === undefined ? {} : { tokenUsage: options.tokenUsage }),
    ...profileHandlers(store, rules.profileFieldMaxLength),
    ...avatarHandlers(store, { ...rules.avatar, ...options.avatarLimits }),
    ...emailHandlers(store),
    ...membershipHandlers(store),
    ...tokenHandlers(store),
    ...hotkeyHandlers(store, rules.hotkeys),
    ...hotkeySettingsHandlers(store),
    ...projectHandlers(store),
    ...peopleHandlers(store),
    ...sessionHandlers(store, rules.password),
  };
  // Signed out, everything but the session methods answers as a server does without a session.
  const sessionMethods: readonly string[] = ADAPTER_METHOD_GROUPS.session;
  for (const name of Object.keys(adapter) as AdapterMethodName[]) {
    const method = adapter[name] as (...args: unknown[]) => Promise<unknown>;
    if (typeof method !== 'function' || sessionMethods.includes(name)) continue;
    (adapter as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      if (store.read().signedIn === false) {
        await Promise.resolve();
        throw new AccountError('unauthorized', undefined, { status: 401 });
      }
      return method(...args);
    };
  }
  const { latencyMs, fail } = options;
  return latencyMs === undefined && fail === undefined ? adapter : withFaults(adapter, { latencyMs, fail });
}

/**
 * Returns a copy of an adapter without some methods, as a backend that cannot serve them
 * would be; components then hide the controls that need them.
 *
 * @example
 * <AccountProvider adapter={withoutMethods(createMemoryAdapter(), ['removeAvatar'])}>
 */
export function withoutMethods(adapter: AccountAdapter, methods: readonly AdapterMethodName[]): AccountAdapter {
  const copy: AccountAdapter = { ...adapter };
  for (const method of methods) {
    if (method !== 'getCurrentUser') delete copy[method];
  }
  return copy;
}
