// Serves the demo host app (demo/) with Vite's dev server. Usage: npm start [-- --port N]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { port: { type: 'string' } } });
const portText = values.port ?? (process.env.PORT || '5173');
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`"${portText}" is not a port number. Use --port with a number from 0 to 65535.`);
  process.exit(1);
}

const server = await createServer({
  configFile: false,
  // Absolute, so the script works from any working directory.
  root: fileURLToPath(new URL('../demo', import.meta.url)),
  plugins: [react()],
  // Its own dependency cache, so the demo and other Vite setups in this repo don't keep re-optimizing each other's.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  clearScreen: false,
  // The demo imports the library from ../src, outside Vite's root.
  server: { host: '127.0.0.1', port, strictPort: false, fs: { allow: [repoRoot] } },
});

// A requested stop is a normal end, so exit 0; Vite's own SIGTERM handler keeps a code already set.
function stop() {
  process.exitCode = 0;
  server.close().finally(() => process.exit());
}
// `once`: a second Ctrl+C gets Node's default and ends the process even if closing hangs.
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Demo running at ${url}`);
console.log('Data is kept in the browser\'s localStorage ("Reset demo data" clears it). Press Ctrl+C to stop.');
