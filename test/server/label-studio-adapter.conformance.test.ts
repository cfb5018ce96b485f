// @vitest-environment node
import { afterAll, beforeAll } from 'vitest';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { describeAdapterConformance } from '../../src/testing';
import { startLoopbackServer, type LoopbackServer } from './harness';

let server: LoopbackServer;
let accounts = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
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

describeAdapterConformance('Label Studio adapter (legacy token)', {
  createAdapter: () =>
    createLabelStudioAdapter({ baseUrl: server.baseUrl, auth: { type: 'token', token: freshAccount().token } }),
});
