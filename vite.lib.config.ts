import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The package's entry points; package.json "exports" names the same files under dist/. */
export const libraryEntries = {
  index: 'src/index.ts',
  'provider/index': 'src/provider/index.ts',
  'components/profile-form/index': 'src/components/profile-form/index.ts',
  'components/avatar-uploader/index': 'src/components/avatar-uploader/index.ts',
  'components/email-preferences/index': 'src/components/email-preferences/index.ts',
  'components/hotkey-recorder/index': 'src/components/hotkey-recorder/index.ts',
  'components/hotkey-editor/index': 'src/components/hotkey-editor/index.ts',
  'components/token-panel/index': 'src/components/token-panel/index.ts',
  'components/membership-card/index': 'src/components/membership-card/index.ts',
  'components/account-settings/index': 'src/components/account-settings/index.ts',
  'components/members-list/index': 'src/components/members-list/index.ts',
  'components/invite-link/index': 'src/components/invite-link/index.ts',
  'core/hotkeys/index': 'src/core/hotkeys/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'adapters/label-studio/index': 'src/adapters/label-studio/index.ts',
  'core/image/index': 'src/core/image/index.ts',
  'testing/index': 'src/testing/index.ts',
  'locales/de': 'src/locales/de.ts',
};

/** Dependencies stay imports in the output: the host app's bundler resolves and dedupes them. */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^vitest($|\/)/,
  /^@radix-ui\//,
  'react-hook-form',
  /^@hookform\//,
  /^zod($|\/)/,
  'tinykeys',
];

export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: libraryEntries, formats: ['es'] },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The host app minifies; readable output is easier to debug and to diff.
    minify: false,
    rolldownOptions: {
      external,
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
