// @vitest-environment node
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../server/app.js';
import { addUser } from '../../server/seed.js';
import { createLabelStudioAdapter } from '../../src/adapters/label-studio';
import { describeAdapterConformance } from '../../src/testing';
import { makeDataDir, removeDataDir } from '../server/harness';

let app: FastifyInstance;
let dataDir: string;
let baseUrl: string;
let accounts = 0;

beforeAll(async () => {
  dataDir = makeDataDir();
  app = await createServer({ dataDir });
  baseUrl = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
});

afterAll(async () => {
  await app.close();
  removeDataDir(dataDir);
});

/** A fresh user in a fresh organization of three, for each test, over real HTTP on loopback. */
function freshAccount() {
  const n = ++accounts;
  const owner = addUser(dataDir, {
    email: `owner-${n}@example.com`,
    password: 'secret-password',
    organizationTitle: `Org ${n}`,
  });
  for (const name of ['ada', 'grace']) {
    addUser(dataDir, { email: `${name}-${n}@example.com`, password: null, organizationId: owner.organizationId });
  }
  return owner;
}

describeAdapterConformance('Label Studio adapter (legacy token)', {
  createAdapter: () => createLabelStudioAdapter({ baseUrl, auth: { type: 'token', token: freshAccount().token } }),
});
