/** The default data directory: `LABEL_STUDIO_BASE_DATA_DIR`, else a per-user folder outside the repository. */
export function defaultDataDir(env?: NodeJS.ProcessEnv): string;
