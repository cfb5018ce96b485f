export { AccountProvider, type AccountProviderProps } from './account-provider';
export { useAccount, useOptionalAccount, type AccountContextValue } from './account-context';
export { detectPlatform, type Platform } from './platform';
export type { AccountTheme } from './appearance-context';
export { useCurrentUser, type UseCurrentUserOptions } from '../hooks/use-current-user';
export type { ReadState, ResourceState, ResourceStatus } from '../hooks/use-resource';
