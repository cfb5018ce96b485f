import { createMemoryAdapter, createDefaultSeed, withoutMethods } from '../../src/adapters/memory';
import { ADAPTER_METHOD_NAMES } from '../../src/adapters/types';
import { describeAdapterConformance } from '../../src/testing';

describeAdapterConformance('memory adapter', { createAdapter: () => createMemoryAdapter() });

describeAdapterConformance('memory adapter with latency and persistence', {
  createAdapter: () =>
    createMemoryAdapter({ latencyMs: 5, storage: window.localStorage, storageKey: `conformance-${Math.random()}` }),
});

// A backend with personal tokens but no legacy token: the legacy cases don't apply.
describeAdapterConformance('memory adapter without a legacy token', {
  createAdapter: () => withoutMethods(createMemoryAdapter(), ['getLegacyToken', 'renewLegacyToken']),
  methods: ADAPTER_METHOD_NAMES.filter((method) => method !== 'getLegacyToken' && method !== 'renewLegacyToken'),
});

// A host whose backend takes 5 MB avatars says so, and the suite checks that limit instead.
describeAdapterConformance('memory adapter with 5 MB avatars', {
  createAdapter: () => createMemoryAdapter({ avatarLimits: { maxBytes: 5 * 1024 * 1024 } }),
  rules: { maxAvatarBytes: 5 * 1024 * 1024 },
});

// No limit on personal tokens: getTokenSettings reports null and the suite creates several.
describeAdapterConformance('memory adapter without a token limit', {
  createAdapter: () =>
    createMemoryAdapter({
      seed: { tokenSettings: { ...createDefaultSeed().tokenSettings, maxActivePersonalTokens: null } },
    }),
  groups: [
    'profile',
    'avatar',
    'email',
    'membership',
    'tokens',
    'hotkeys',
    'hotkeySettings',
    'projects',
    'people',
    'session',
  ],
  rules: { maxActivePersonalTokens: Infinity },
});
