/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tooling/chromium.mjs';
import { styleCommands } from './test/support/style-commands.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Browser mode in Debian's Chromium; a fresh object per project, since Vitest names its instances. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    // Copy buttons write to the real clipboard, and tests read it back.
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    // Listed up front: a dependency found in the middle of a browser test run makes Vite reload
    // the page, and a fresh CI machine would see two copies of React for a moment.
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@radix-ui/react-dialog',
      'react-hook-form',
      '@hookform/resolvers/zod',
      'zod/mini',
      'axe-core',
      'vitest-browser-react',
    ],
  },
  test: {
    // Five projects share two cores: one test file at a time is both faster and steadier here
    // than files racing each other, and generous limits keep a busy machine from failing a correct test.
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.element and expect.poll wait up to 10 s (default 1 s): a canvas resize or a large
    // editor can take longer than that on a busy machine, and a correct page should not fail.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The reference server (server/), and the Label Studio adapter against it: Node, real SQLite and HTTP.
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          // The reference server on its own port, for the cross-origin test.
          globalSetup: ['test/support/label-studio-server-setup.ts'],
          // lightningcss and media emulation for the shipped-stylesheet tests.
          browser: { ...browser(), commands: styleCommands },
        },
      },
      {
        extends: true,
        test: {
          // Playwright from Node against the demo that `npm start` serves.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
        },
      },
      // Every story, with its play function and axe, in light, dark and right-to-left; the dark
      // pass also runs in German (a fourth pass would cost as much again), so every play function
      // proves it reads the active locale's catalogue rather than English literals.
      ...(
        [
          ['storybook', 'light', 'ltr', 'en-US'],
          ['storybook-dark', 'dark', 'ltr', 'de-DE'],
          ['storybook-rtl', 'light', 'rtl', 'en-US'],
        ] as const
      ).map(([name, theme, direction, locale]) => ({
        extends: true as const,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        define: {
          __RAS_STORY_THEME__: JSON.stringify(theme),
          __RAS_STORY_DIRECTION__: JSON.stringify(direction),
          __RAS_STORY_LOCALE__: JSON.stringify(locale),
        },
        test: { name, browser: browser() },
      })),
    ],
  },
});
