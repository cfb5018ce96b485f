import { createMemoryAdapter } from '../../src/adapters/memory';
import { describeAdapterConformance } from '../../src/testing';

describeAdapterConformance('memory adapter', { createAdapter: () => createMemoryAdapter() });

describeAdapterConformance('memory adapter with latency and persistence', {
  createAdapter: () =>
    createMemoryAdapter({ latencyMs: 5, storage: window.localStorage, storageKey: `conformance-${Math.random()}` }),
});
