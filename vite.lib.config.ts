import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { readPackageEntries } from './tooling/entries.mjs';

/** The package's entry points, `{ 'components/profile-form/index': 'src/components/profile-form/index.ts', … }`, from package.json "exports" (tooling/entries.mjs). */
export const libraryEntries: Record<string, string> = Object.fromEntries(
  readPackageEntries().modules.map((entry) => [entry.name, entry.source]),
);

/** Dependencies stay imports in the output: the host app's bundler resolves and dedupes them. */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^vitest($|\/)/,
  /^@radix-ui\//,
  'react-hook-form',
  /^@hookform\//,
  /^zod($|\/)/,
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
