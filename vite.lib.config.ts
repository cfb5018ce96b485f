import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
  'adapters/index': 'src/adapters/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'label-studio/adapter/index': 'src/label-studio/adapter/index.ts',
  'label-studio/index': 'src/label-studio/index.ts',
  'core/image/index': 'src/core/image/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/image-fixtures': 'src/testing/image-fixtures.ts',
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

/** Packages whose code only runs inside React: importing one makes a module a client module. */
const REACT_PACKAGES = /^(react|react-dom)($|\/)|^@radix-ui\/|^react-hook-form$|^@hookform\//;

/**
 * Starts every output module that imports React, directly or through the modules it imports,
 * with `'use client'`, so that a React Server Component host (Next.js App Router) treats every
 * entry that renders or uses hooks as a client boundary, while the React-free modules (the
 * adapters, /hotkeys, /image) stay usable on the server. The rule comes from the module graph,
 * not from a list; the directive goes in as a banner, so the bundler keeps sourcemaps right.
 */
function addUseClientDirective(): Plugin {
  const clientModules = new Set<string>();
  return {
    name: 'use-client-directive',
    buildEnd() {
      // From the modules that import a React package, up through everything that imports them.
      const pending = [...this.getModuleIds()].filter((id) =>
        (this.getModuleInfo(id)?.importedIds ?? []).some((imported) => REACT_PACKAGES.test(imported)),
      );
      clientModules.clear();
      for (const id of pending) {
        if (clientModules.has(id)) continue;
        clientModules.add(id);
        pending.push(...(this.getModuleInfo(id)?.importers ?? []));
      }
    },
    banner(chunk) {
      return chunk.moduleIds.some((id) => clientModules.has(id)) ? "'use client';" : '';
    },
  };
}

export default defineConfig({
  plugins: [react(), addUseClientDirective()],
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
