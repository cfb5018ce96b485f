// Which backend the demo talks to: `npm start` serves it with the reference Label Studio server,
// `npm start -- --memory` with the in-browser memory adapter (scripts/start.mjs sets the flag).
import { ACCOUNT_ERROR_CODES } from '../src/adapters/errors';
import { createLabelStudioAdapter } from '../src/label-studio/adapter';
import { createMemoryAdapter } from '../src/adapters/memory';
import type { AccountAdapter } from '../src/adapters/types';

declare const __RAS_DEMO_BACKEND__: 'memory' | 'label-studio' | undefined;

/** The backend the page was served with; the memory adapter when the flag is absent. */
export const demoBackend: 'memory' | 'label-studio' =
  typeof __RAS_DEMO_BACKEND__ === 'undefined' ? 'memory' : __RAS_DEMO_BACKEND__;

/** Where the memory adapter keeps the demo's data. */
export const MEMORY_STORAGE_KEY = 'react-account-settings-demo';

/** The adapter for the page's lifetime. */
export function createDemoAdapter(): AccountAdapter {
  const origin = window.location.origin;
  if (demoBackend === 'label-studio') {
    // Same origin as the page (the dev server proxies /api), so the session cookie is sent as is.
    return createLabelStudioAdapter({ baseUrl: origin, auth: { type: 'session' } });
  }
  // `?fail=network` (or another error code but `aborted`) makes every adapter call fail, to show the error states.
  const failParam = new URLSearchParams(window.location.search).get('fail');
  return createMemoryAdapter({
    storage: window.localStorage,
    storageKey: MEMORY_STORAGE_KEY,
    latencyMs: 250,
    apiBaseUrl: `${origin}/api`,
    // What a Label Studio backend's examples look like; the memory adapter itself serves no HTTP.
    tokenUsage: {
      personal: `curl -X POST ${origin}/api/token/refresh/ -H 'Content-Type: application/json' -d '{"refresh": "{token}"}'\ncurl ${origin}/api/projects/ -H 'Authorization: Bearer <access token>'`,
      legacy: `curl ${origin}/api/projects/ -H 'Authorization: Token {token}'`,
    },
    fail: ACCOUNT_ERROR_CODES.find((code) => code === failParam && code !== 'aborted'),
  });
}
