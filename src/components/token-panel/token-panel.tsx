import { forwardRef, type ComponentProps } from 'react';
import { useAdapter } from '../../hooks/use-adapter';
import { useTokens, type UseTokensOptions } from '../../hooks/use-tokens';
import { useTranslate } from '../../hooks/use-translate';
import { useOptionalAccount } from '../../provider/account-context';
import { classNames } from '../shared/class-names';
import { ErrorAlert } from '../shared/error-alert';
import { LegacyTokenSection } from './legacy-token-section';
import { PersonalTokensSection } from './personal-tokens-section';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `TokenPanel`: the hook's options plus the root `<div>`'s own props. */
export interface TokenPanelProps extends UseTokensOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** Which sections to show. @default 'both' */
  show?: 'both' | 'personal' | 'legacy';
  /**
   * Whether to leave out each section's own heading, where the page already names the section
   * (`AccountSettings` does): one heading per section, and no second region of the same name.
   * @default false
   */
  hideSectionHeadings?: boolean;
}

/**
 * API tokens: personal access tokens (list, create shown once with Copy, revoke after
 * confirming, the active-token limit with its reason, how to use them) and the legacy token
 * (masked, Show/Hide, Copy, Renew after confirming). Each section follows the organization's
 * settings and says so when it is turned off.
 *
 * @example
 * <TokenPanel show="personal" />
 */
export const TokenPanel = forwardRef<HTMLDivElement, TokenPanelProps>(function TokenPanel(
  { adapter: adapterProp, show = 'both', hideSectionHeadings = false, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const adapter = useAdapter(adapterProp);
  const tokens = useTokens({ adapter });
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const { settings } = tokens;
  const root = {
    'data-slot': 'ras-token-panel',
    className: classNames('ras-token-panel', className),
    ...themeAttributes,
    ...rest,
  };
  if (!settings.latest) {
    return (
      <div {...root} data-state={settings.status} aria-busy={settings.status === 'loading'}>
        {settings.status === 'error' ? (
          <ErrorAlert error={settings.error} t={t} onRetry={settings.retry} />
        ) : (
          <p data-slot="ras-token-loading">{t('tokens.loading')}</p>
        )}
      </div>
    );
  }
  return (
    <div {...root} data-state="ready">
      {show !== 'legacy' ? (
        <PersonalTokensSection
          tokens={tokens}
          adapter={adapter}
          t={t}
          locale={locale}
          hideHeading={hideSectionHeadings}
        />
      ) : null}
      {show !== 'personal' ? (
        <LegacyTokenSection tokens={tokens} adapter={adapter} t={t} locale={locale} hideHeading={hideSectionHeadings} />
      ) : null}
    </div>
  );
});
TokenPanel.displayName = 'TokenPanel';
