// Types of tooling/entries.mjs, for the TypeScript files that import it (the .mjs is checked by its JSDoc).

/** The repository root. */
export declare const PACKAGE_ROOT: string;

/** A JavaScript entry of the package. */
export interface ModuleEntry {
  /** The key in "exports", e.g. `./profile-form`. */
  subpath: string;
  /** What a host app imports, e.g. `react-account-settings/profile-form`. */
  specifier: string;
  /** The output's path under dist/ without `.js`, e.g. `components/profile-form/index`. */
  name: string;
  /** The built file, relative to the root, e.g. `dist/components/profile-form/index.js`. */
  output: string;
  /** The declaration file "exports" names, relative to the root. */
  types: string;
  /** The source file, relative to the root, e.g. `src/components/profile-form/index.ts`. */
  source: string;
}

/** A stylesheet entry of the package. */
export interface StyleEntry {
  /** The key in "exports", e.g. `./styles.css`. */
  subpath: string;
  /** The built file, relative to the root, e.g. `dist/styles.css`. */
  output: string;
  /** The source file, relative to the root, e.g. `src/styles.css`. */
  source: string;
}

/** The package's entries, as package.json "exports" lists them. */
export interface PackageEntries {
  /** The package's name. */
  name: string;
  /** The JavaScript entries, in "exports" order. */
  modules: ModuleEntry[];
  /** The stylesheets. */
  styles: StyleEntry[];
}

/** Reads the package's entries from package.json "exports" (see tooling/entries.mjs for the rule). */
export declare function readPackageEntries(packageRoot?: string): PackageEntries;
