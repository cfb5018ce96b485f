// The adapter contract without React: the error type and the domain types, for a host's server
// code and for adapter authors. Nothing here imports React or needs the DOM.
export {
  AccountError,
  ACCOUNT_ERROR_CODES,
  isAbortError,
  isAccountError,
  throwIfAborted,
  toAccountError,
  type AccountErrorCode,
  type AccountErrorOptions,
} from './errors';
export { ADAPTER_METHOD_GROUPS, ADAPTER_METHOD_NAMES } from './types';
export type * from './types';
