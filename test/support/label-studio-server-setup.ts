// Global setup of the browser project: the reference server, started from Node on a loopback
// port of its own, so a test page (served by Vitest from another origin) can talk to it across
// origins as a host app talks to Label Studio. Tests read its address with `inject('labelStudio')`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { setLegacyTokensEnabled } from '../../server/accounts.ts';
import { createServer } from '../../server/app.ts';
import { closeDatabase, openDatabase } from '../../server/db.ts';
import { addUser } from '../../server/seed.ts';

/** The reference server a browser test can reach. */
export interface ProvidedLabelStudio {
  /** Its origin, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** A legacy token of the signed-in user, whose organization has legacy tokens on. */
  token: string;
  /** The members of that user's organization besides the user, by email. */
  memberEmails: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    labelStudio: ProvidedLabelStudio;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ras-browser-server-'));
  const owner = addUser(dataDir, { email: 'owner@example.com', password: null, organizationTitle: 'Cross-origin' });
  const memberEmails = ['ada', 'grace', 'alan'].map(
    (name) =>
      addUser(dataDir, {
        email: `${name}@example.com`,
        password: null,
        firstName: name[0]!.toUpperCase() + name.slice(1),
        organizationId: owner.organizationId,
      }).email,
  );
  const db = openDatabase(dataDir);
  try {
    setLegacyTokensEnabled(db, owner.organizationId, true);
  } finally {
    closeDatabase(db);
  }
  const app = await createServer({ dataDir, logLevel: 'silent' });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  project.provide('labelStudio', { url, token: owner.token, memberEmails });
  return async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
