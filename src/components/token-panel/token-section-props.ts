import type { AccountAdapter } from '../../adapters/types';
import type { UseTokensResult } from '../../hooks/use-tokens';
import type { Translate } from '../../hooks/use-translate';

/** What each token section gets from the panel: the hook's state, the adapter, and the locale. */
export interface TokenSectionProps {
  tokens: UseTokensResult;
  adapter: AccountAdapter;
  t: Translate;
  locale: string;
  /** Whether to leave out the section's own heading (the page around it names the section). */
  hideHeading: boolean;
}
