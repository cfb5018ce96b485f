export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryAdapterStorage,
  type MemoryFault,
  withoutMethods,
} from './memory-adapter';
export { withFaults, type WithFaultsOptions } from '../with-faults';
export { createDefaultSeed, createSeedMembers, DEFAULT_SEED_PASSWORD, type MemorySeed, type SeedMember } from './seed';
