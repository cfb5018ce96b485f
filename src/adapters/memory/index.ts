export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryAdapterStorage,
  type MemoryFault,
  withoutMethods,
} from './memory-adapter';
export { createDefaultSeed, createSeedMembers, type MemorySeed, type SeedMember } from './seed';
