// Types of bench/size.mjs, for the TypeScript test that imports it (the .mjs is checked by its JSDoc).

/** The repository root (the package being measured). */
export declare const PACKAGE_ROOT: string;

/** The name under which "everything" is reported and budgeted. */
export declare const EVERYTHING: 'everything';

/** One JavaScript entry of package.json "exports". */
export interface PublicEntry {
  /** The key in package.json "exports", e.g. `./profile-form`. */
  subpath: string;
  /** What a host app imports, e.g. `react-account-settings/profile-form`. */
  specifier: string;
  /** Whether the entry is meant for browser bundles (false for `./testing`). */
  shipped: boolean;
  /** Whether "everything" includes it: every component and adapter entry. */
  inEverything: boolean;
}

/** The weight of one entry (or of everything) in a host app's production bundle. */
export interface EntrySize {
  /** The entry's subpath (`.`, `./profile-form`, …) or `everything`. */
  name: string;
  /** Whether the entry is meant for browser bundles. */
  shipped: boolean;
  /** Bytes of minified JavaScript. */
  minified: number;
  /** Bytes of that JavaScript gzipped (level 9), summed over emitted chunks. */
  gzip: number;
}

/** Lists the JavaScript entries in package.json "exports" (not the stylesheet or package.json). */
export declare function listPublicEntries(packageRoot?: string): PublicEntry[];

/** Measures every public JavaScript entry of the built package, then "everything". */
export declare function measureSizes(options?: { packageRoot?: string }): Promise<EntrySize[]>;
