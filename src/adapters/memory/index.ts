export {
  createMemoryAdapter,
  MAX_PROFILE_FIELD_LENGTH,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryAdapterStorage,
  type MemoryFault,
  withoutMethods,
} from './memory-adapter';
export { withFaults, type WithFaultsOptions } from '../with-faults';
export {
  createDefaultSeed,
  createSeedMembers,
  MAX_ACTIVE_PERSONAL_TOKENS,
  type MemorySeed,
  type SeedMember,
} from './seed';
