/** Whether the host runs a development build: bundlers replace process.env.NODE_ENV; where nothing does, assume development. */
export function isDevelopment(): boolean {
  return typeof process === 'undefined' || process.env?.NODE_ENV !== 'production';
}
