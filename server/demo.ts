// What `npm start` (scripts/start.mjs) needs of the reference server: the demo's first user and
// example members, and the API on a free loopback port.
import type { FastifyInstance } from 'fastify';
import { createServer } from './app.ts';
import { setLegacyTokensEnabled } from './accounts.ts';
import { closeDatabase, openDatabase } from './db.ts';
import { ensureDemoUser, firstSignInEmail } from './seed.ts';

export { defaultDataDir } from './paths.ts';

/** The running API and what to sign in with. */
export interface DemoApi {
  api: FastifyInstance;
  /** Its address, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** The first user who can sign in, or null when there is none. */
  email: string | null;
  /** The first user's password when it was just created, else null. */
  password: string | null;
}

/** What the demo adds to the API. */
export interface DemoApiOptions {
  /**
   * The demo's page (its index.html as the dev server serves it, given the URL), which `GET
   * /user/signup/` answers so that an invite link opens the demo's own sign-up screen.
   */
  signUpPage?: (url: string) => string | Promise<string>;
  /** Sign-up needs a valid invitation link. @default false */
  disableSignupWithoutLink?: boolean;
}

/**
 * Creates the demo's first user when there is none, turns legacy tokens on for its organization,
 * then starts the API on a free loopback port.
 */
export async function startDemoApi(
  dataDir: string,
  logLevel: string,
  { signUpPage, disableSignupWithoutLink = false }: DemoApiOptions = {},
): Promise<DemoApi> {
  const db = openDatabase(dataDir);
  let password: string | null;
  let email: string | null;
  try {
    password = ensureDemoUser(db);
    email = firstSignInEmail(db);
    // Legacy tokens on, as `label-studio start --enable-legacy-api-token` does, so both token sections show.
    const organization = db.prepare<[], { id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').get();
    if (organization) setLegacyTokensEnabled(db, organization.id, true);
  } finally {
    closeDatabase(db);
  }
  // The demo page reaches the API through the dev server's proxy, on its own origin, with a
  // cookie: no other origin needs to read it, so it answers no cross-origin request.
  const api = await createServer({
    dataDir,
    logLevel,
    cors: { allowAllOrigins: false },
    disableSignupWithoutLink,
    ...(signUpPage ? { signUpPage } : {}),
  });
  const url = await api.listen({ host: '127.0.0.1', port: 0 });
  return { api, url, email, password };
}
