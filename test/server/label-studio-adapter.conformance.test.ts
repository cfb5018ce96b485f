// @vitest-environment node
import { afterAll, beforeAll } from 'vitest';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { describeAdapterConformance } from '../../src/testing';
import { browserLikeFetch, startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
let accounts = 0;

beforeAll(async () => {
  // The suite signs in with a wrong password once per run; it must never be throttled for it.
  server = await startLoopbackServer({ signInLimits: { perAddress: { attempts: 1000, windowMs: 60_000 } } });
});

afterAll(() => server.close());

/** A fresh user in a fresh organization of three, for each test, over real HTTP on loopback. */
function freshAccount() {
  const n = ++accounts;
  const owner = server.addUser({ email: `owner-${n}@example.com`, organizationTitle: `Org ${n}` });
  for (const name of ['ada', 'grace']) {
    server.addUser({ email: `${name}-${n}@example.com`, password: null, organizationId: owner.organizationId });
  }
  return owner;
}

// Signed in with the legacy token; sign-up, sign-in and sign-out then move it to the session
// cookie, which the browser-like fetch keeps as a browser on the server's origin would.
describeAdapterConformance('Label Studio adapter (legacy token)', {
  createAdapter: () =>
    createLabelStudioAdapter({
      baseUrl: server.baseUrl,
      auth: { type: 'token', token: freshAccount().token },
      fetch: browserLikeFetch(server.baseUrl),
    }),
});
