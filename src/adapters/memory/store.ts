// The memory adapter's data: one immutable state object, replaced on every write, and kept in a
// Web Storage (localStorage) when one is given. Handlers read it and commit a new state built
// from the old one with spreads, so a write copies only what it changes, and a write that cannot
// be stored leaves the state as it was.
import { AccountError } from '../errors';
import type { PersonalToken } from '../types';
import type { AccountRules } from '../../core/rules';
import { createDefaultSeed, type MemorySeed } from './seed';

/** The part of the Web Storage API (`window.localStorage`) the memory adapter keeps its data in. */
export interface MemoryAdapterStorage {
  /** Reads the value stored under a key, or `null` when there is none. */
  getItem(key: string): string | null;
  /** Stores a value under a key; may throw when the storage is full. */
  setItem(key: string, value: string): void;
  /** Deletes the value stored under a key. */
  removeItem(key: string): void;
}

/** A personal token as stored: its public facts only; the secret is never kept. */
export interface StoredToken extends PersonalToken {
  revoked: boolean;
}

/** The parts of the state that belong to one account, swapped in when that account signs in. */
export type AccountData = Pick<
  MemoryState,
  | 'user'
  | 'password'
  | 'emailPreferences'
  | 'role'
  | 'annotationsCount'
  | 'contributedProjectsCount'
  | 'hotkeys'
  | 'hotkeySettings'
  | 'projectHotkeys'
  | 'personalTokens'
  | 'permissions'
>;

/** Everything the memory adapter knows; never changed in place. */
export interface MemoryState extends MemorySeed {
  personalTokens: StoredToken[];
  /** The accounts that are not signed in now (created by sign-up, or signed out of), with their data. */
  accounts?: AccountData[];
}

/** What `createMemoryStore` needs: the seed, and where to persist. */
export interface MemoryStoreOptions {
  /** Data to start from; each part left out comes from the default seed. */
  seed?: Partial<MemorySeed>;
  /** Where to keep the data across reloads; secrets are never written. */
  storage?: MemoryAdapterStorage;
  /** The key under which `storage` holds the data. @default 'react-account-settings' */
  storageKey?: string;
  /** The rules the default seed follows (its token limit). @default the default preset's rules */
  rules?: AccountRules;
}

/** The memory adapter's state, with the one way to change it. */
export interface MemoryStore {
  /** The current state; treat it as read-only and copy what leaves the adapter. */
  read(): MemoryState;
  /** Replaces the state, after storing it; throws a `server` AccountError (and keeps the old state) when storage refuses. */
  commit(next: MemoryState): void;
}

interface PersistedState {
  version: number;
  state: MemoryState;
}

const STORAGE_VERSION = 1;

/** A deep copy of plain data, for what callers receive (so they cannot change the state). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function loadState(storage: MemoryAdapterStorage | undefined, key: string): MemoryState | null {
  const raw = storage?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as PersistedState;
    if (parsed?.version === STORAGE_VERSION && parsed.state?.user?.id) return parsed.state;
  } catch {
    // A corrupt or foreign entry is ignored; the seed takes its place.
  }
  return null;
}

/** Creates the store: from `storage` when it holds data of this version, else from the seed. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const storageKey = options.storageKey ?? 'react-account-settings';
  const { storage } = options;
  const seed: MemoryState = { ...createDefaultSeed(options.rules), ...clone(options.seed ?? {}), personalTokens: [] };
  // Data stored before a part existed (projects, say) gets that part from the seed.
  const loaded = loadState(storage, storageKey);
  let state: MemoryState = loaded ? { ...seed, ...loaded } : seed;
  return {
    read: () => state,
    commit(next) {
      if (storage) {
        try {
          const persisted: PersistedState = { version: STORAGE_VERSION, state: next };
          storage.setItem(storageKey, JSON.stringify(persisted));
        } catch (error) {
          throw new AccountError('server', "The browser's storage is full, so the change was not saved.", {
            cause: error,
          });
        }
      }
      state = next;
    },
  };
}
