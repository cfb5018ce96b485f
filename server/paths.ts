// Where data lives by default: a per-user folder outside the repository (so no dev server that
// serves the repository can serve it), like Label Studio's own default data directory.
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default data directory: `LABEL_STUDIO_BASE_DATA_DIR` (or `HEARTEX_BASE_DATA_DIR`) when set, else the platform's
 * per-user data folder (`$XDG_DATA_HOME` or `~/.local/share`, `~/Library/Application Support`,
 * `%LOCALAPPDATA%`) + `react-account-settings/label-studio`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LABEL_STUDIO_BASE_DATA_DIR || env.HEARTEX_BASE_DATA_DIR;
  if (configured) return configured;
  let base: string;
  if (process.platform === 'win32') base = env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
  else if (process.platform === 'darwin') base = join(homedir(), 'Library', 'Application Support');
  else base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'react-account-settings', 'label-studio');
}
