import { existsSync, readFileSync } from 'node:fs';
import { browserslistToTargets, transform } from 'lightningcss';
import type { BrowserCommand } from 'vitest/node';

/**
 * Node-side commands for the browser tests of the shipped stylesheet: what a host's bundler does
 * to it, and the visitor's colour-scheme preference.
 */

const shippedStylesheet = new URL('../../dist/styles.css', import.meta.url);

/** The package's stylesheet as it ships (dist/styles.css); fails clearly when the build has not run. */
const readShippedStyles: BrowserCommand<[]> = () => {
  if (!existsSync(shippedStylesheet)) {
    throw new Error('dist/styles.css is missing: run `npm run build` first (`npm test` builds before vitest runs).');
  }
  return readFileSync(shippedStylesheet, 'utf8');
};

/** Runs `css` through lightningcss for `browsers` (browserslist names, e.g. `chrome 90`), as a host's bundler would. */
const lowerCss: BrowserCommand<[css: string, browsers: string[]]> = (_context, css, browsers) =>
  transform({
    filename: 'styles.css',
    code: Buffer.from(css),
    targets: browserslistToTargets(browsers),
  }).code.toString();

/** Emulates the visitor's `prefers-color-scheme` for the page under test. */
const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark']> = async (context, scheme) => {
  if (!('page' in context)) throw new Error('emulateColorScheme needs the Playwright provider');
  await context.page.emulateMedia({ colorScheme: scheme });
};

export const styleCommands = { readShippedStyles, lowerCss, emulateColorScheme };

declare module 'vitest/browser' {
  interface BrowserCommands {
    readShippedStyles: () => Promise<string>;
    lowerCss: (css: string, browsers: string[]) => Promise<string>;
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
  }
}
