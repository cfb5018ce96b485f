// Serves the demo host app (demo/) with Vite's dev server.
//
//   npm start [-- --port N] [--data-dir DIR]   the demo on the reference Label Studio server
//                                              (data in a per-user folder outside the repository)
//   npm start -- --memory [--port N]           the demo on the in-browser memory adapter (data in localStorage)
//
// With the server, the API runs on a private loopback port and Vite proxies /api, /data and
// /user/signup (the invite link) to it, so the page and the API share one origin and the session
// cookie just works. LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true makes sign-up need a valid link.
//
// Vite serves files from the repository (the demo imports ../src). It must never serve the data:
// the data directory is outside the repository by default, and deny rules refuse it (and any
// database file) wherever it is. No CORS headers, so pages on other origins can't read anything.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';

// The reference server is TypeScript: tsx loads it (and what it imports from src/) in a scope of
// its own, so nothing else this process imports goes through tsx.
const { defaultDataDir, startDemoApi } = await tsImport('../server/demo.ts', import.meta.url);

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function fail(message) {
  console.error(message);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      memory: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: defaultDataDir() },
    },
  }));
} catch (error) {
  fail(`${error.message}\nUsage: npm start [-- --port N] [--data-dir DIR] [--memory]`);
}
const portText = values.port ?? (process.env.PORT || '5173');
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`"${portText}" is not a port number. Use --port with a number from 0 to 65535.`);
}

const dataDir = resolve(values['data-dir']);
const demoRoot = fileURLToPath(new URL('../demo', import.meta.url));
/** Django's boolean environment values, read as Label Studio reads LABEL_STUDIO_X, then HEARTEX_X. */
const envFlag = (name) =>
  ['true', '1', 'yes', 'y', 'on'].includes(
    (process.env[`LABEL_STUDIO_${name}`] ?? process.env[`HEARTEX_${name}`] ?? '').trim().toLowerCase(),
  );
let server;
// The reference server on a free loopback port, with what to sign in with. The invite link
// (/user/signup/?token=…) is the server's; its page is the demo's index.html as Vite serves it
// (transformed as for /index.html, so relative addresses resolve from the root).
const backend = values.memory
  ? null
  : await startDemoApi(dataDir, process.env.LOG_LEVEL ?? 'warn', {
      disableSignupWithoutLink: envFlag('DISABLE_SIGNUP_WITHOUT_LINK'),
      signUpPage: async (url) =>
        server.transformIndexHtml('/index.html', await readFile(join(demoRoot, 'index.html'), 'utf8'), url),
    });

/** Glob-escapes a path for Vite's deny list (picomatch). */
const globEscape = (path) => path.replace(/[\\*?[\]{}()!+@]/g, (character) => `\\${character}`);
// Vite's own defaults, then the data directory and every SQLite file or secret key file anywhere.
const denied = [
  '.env',
  '.env.*',
  '*.{crt,pem}',
  '**/.git/**',
  globEscape(dataDir),
  `${globEscape(dataDir)}/**`,
  '**/.data',
  '**/.data/**',
  '**/*.{sqlite,sqlite3,db}',
  '**/*.{sqlite,sqlite3,db}-{wal,shm,journal}',
  '**/secret-keys.json',
];

/** Whatever the API answers, the proxy passes on no CORS header. */
function dropCorsHeaders(proxy) {
  proxy.on('proxyRes', (response) => {
    for (const name of Object.keys(response.headers)) {
      if (name.startsWith('access-control-')) delete response.headers[name];
    }
  });
}

server = await createServer({
  configFile: false,
  // Absolute, so the script works from any working directory.
  root: demoRoot,
  plugins: [react()],
  // Read by demo/backend.ts: which adapter the page uses.
  define: { __RAS_DEMO_BACKEND__: JSON.stringify(backend ? 'label-studio' : 'memory') },
  // Its own dependency cache, so the demo and other Vite setups in this repo don't keep re-optimizing each other's.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  clearScreen: false,
  server: {
    host: '127.0.0.1',
    port,
    strictPort: false,
    // The demo imports the library from ../src, outside Vite's root; nothing else is served.
    fs: { strict: true, allow: [demoRoot, join(repoRoot, 'src'), join(repoRoot, 'node_modules')], deny: denied },
    // Vite's default lets any localhost origin read what it serves (and what it proxies).
    cors: false,
    // changeOrigin false keeps the Host header, so the server's same-origin check sees the
    // page's own origin in the Origin header the browser sends.
    proxy: backend
      ? {
          '/api': { target: backend.url, changeOrigin: false, configure: dropCorsHeaders },
          '/data': { target: backend.url, changeOrigin: false, configure: dropCorsHeaders },
          // The invite link's page and Label Studio's form post.
          '/user/signup': { target: backend.url, changeOrigin: false, configure: dropCorsHeaders },
        }
      : {},
  },
});

// A requested stop is a normal end, so exit 0; Vite's own SIGTERM handler keeps a code already set.
function stop() {
  process.exitCode = 0;
  Promise.allSettled([server.close(), backend?.api.close()]).finally(() => process.exit());
}
// `once`: a second Ctrl+C gets Node's default and ends the process even if closing hangs.
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Demo running at ${url}`);
if (!backend) {
  console.log('Data is kept in the browser\'s localStorage ("Reset demo data" clears it). Press Ctrl+C to stop.');
} else {
  console.log(
    `It talks to the reference Label Studio server through the Label Studio adapter; data is kept in ${dataDir}.`,
  );
  if (backend.password) {
    console.log('Created the first user. Sign in with:');
    console.log(`  Email:    ${backend.email}`);
    console.log(`  Password: ${backend.password}`);
  } else if (backend.email) {
    console.log(`Sign in as ${backend.email} with the password shown when it was created.`);
    console.log(
      `Forgot it? Set a new one: npm run server -- reset-password --data-dir ${values['data-dir']} --username ${backend.email}`,
    );
  } else {
    console.log(
      'No user can sign in yet. Create one: npm run server -- start --username E --password P (then stop it).',
    );
  }
  console.log('Run `npm start -- --memory` for the demo without a server. Press Ctrl+C to stop.');
}
