import { DEFAULT_AVATAR_LIMITS, type AvatarLimits } from '../../core/image/validate-avatar-file';
import type { AccountAdapter, AdapterMethodName, TokenUsageExamples } from '../types';
import { withFaults, type WithFaultsOptions } from '../with-faults';
import { avatarHandlers } from './handlers/avatar';
import { emailHandlers } from './handlers/email';
import { hotkeyHandlers } from './handlers/hotkeys';
import { membershipHandlers } from './handlers/membership';
import { peopleHandlers } from './handlers/people';
import { profileHandlers } from './handlers/profile';
import { tokenHandlers } from './handlers/tokens';
import { createMemoryStore, type MemoryStoreOptions } from './store';

export { MAX_PROFILE_FIELD_LENGTH } from './handlers/profile';
export type { MemoryAdapterStorage } from './store';
export type { MemoryFault } from '../with-faults';

/** Options of `createMemoryAdapter`. */
export interface MemoryAdapterOptions extends MemoryStoreOptions, WithFaultsOptions {
  /** The avatar limits the adapter enforces. @default Label Studio's: 1200 × 1200 px, 1024 KB, PNG/JPEG/GIF */
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
 * injection, and the same rules a Label Studio server enforces.
 *
 * @example
 * const adapter = createMemoryAdapter({ storage: window.localStorage, latencyMs: 300 });
 * <AccountProvider adapter={adapter}>…</AccountProvider>
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const store = createMemoryStore(options);
  const adapter: MemoryAdapter = {
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(options.tokenUsage === undefined ? {} : { tokenUsage: options.tokenUsage }),
    ...profileHandlers(store),
    ...avatarHandlers(store, { ...DEFAULT_AVATAR_LIMITS, ...options.avatarLimits }),
    ...emailHandlers(store),
    ...membershipHandlers(store),
    ...tokenHandlers(store),
    ...hotkeyHandlers(store),
    ...peopleHandlers(store),
  };
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
