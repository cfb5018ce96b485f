export { TokenPanel, type TokenPanelProps } from './token-panel';
export {
  useTokens,
  type CreateBlockedReason,
  type UseTokensOptions,
  type UseTokensResult,
} from '../../hooks/use-tokens';
