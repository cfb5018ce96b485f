// @ts-check
// The browser every test, benchmark and fixture script launches: Debian's Chromium, and the
// flags it needs on machines that run as root without network. Plain JavaScript, so that the
// Node scripts (scripts/ensure-browser.mjs, scripts/make-image-fixtures.mjs, bench/browser.mjs)
// import it as they are, and the TypeScript configs import it through chromium.d.mts.

/** Where the Chromium binary is: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every launch passes (Playwright adds `--headless` and a fresh profile itself). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
