// `window.bench`: the functions a bench page exposes to Playwright (bench/browser.mjs calls them).
import type { RendersBench } from './renders';
import type { TimingBench } from './timing';

declare global {
  interface Window {
    /** The timing page's or the render-count page's functions, whichever page is open. */
    bench: TimingBench & RendersBench;
  }
}
