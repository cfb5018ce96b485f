export { AccountProvider, type AccountProviderProps } from './account-provider';
export { useAccount, useOptionalAccount, type AccountContextValue } from './account-context';
export { detectPlatform, type Platform } from './platform';
export type { AccountTheme } from './appearance-context';
