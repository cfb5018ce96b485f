// Types of tooling/chromium.mjs, for the TypeScript files that import it.

/** Where the Chromium binary is: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export declare const CHROMIUM_PATH: string;

/** The flags every launch passes (Playwright adds `--headless` and a fresh profile itself). */
export declare const CHROMIUM_ARGS: string[];
