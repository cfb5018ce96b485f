import { forwardRef, useId, useState, type ComponentProps } from 'react';
import type { AccountAdapter } from '../../adapters/types';
import { formatDate } from '../../core/format/format-date';
import { useAdapter } from '../../hooks/use-adapter';
import { useTokens, type UseTokensOptions, type UseTokensResult } from '../../hooks/use-tokens';
import { useTranslate, type Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { useOptionalAccount } from '../../provider/account-context';
import { classNames } from '../shared/class-names';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { ErrorAlert } from '../shared/error-alert';
import { CreateTokenDialog } from './create-token-dialog';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `TokenPanel`: the hook's options plus the root `<div>`'s own props. */
export interface TokenPanelProps extends UseTokensOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** Which sections to show. @default 'both' */
  show?: 'both' | 'personal' | 'legacy';
}

function UsageExample({ example, secret, t }: { example: string | undefined; secret?: () => string; t: Translate }) {
  if (!example) return null;
  // The example on screen never holds a real secret; Copy fills it in.
  const shown = example.replaceAll('{token}', t('tokens.usage.tokenPlaceholder'));
  return (
    <figure data-slot="ras-token-example">
      <figcaption>{t('tokens.usage.example')}</figcaption>
      <pre>
        <code>{shown}</code>
      </pre>
      <CopyButton
        getText={() => (secret ? example.replaceAll('{token}', secret()) : shown)}
        label={t('tokens.usage.copyExample')}
        t={t}
      />
    </figure>
  );
}

interface SectionProps {
  tokens: UseTokensResult;
  adapter: AccountAdapter;
  t: Translate;
  locale: string;
}

function PersonalTokens({ tokens, adapter, t, locale }: SectionProps) {
  const headingId = useId();
  const reasonId = useId();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; prefix: string } | null>(null);
  const [notice, setNotice] = useState('');
  const { personal } = tokens;
  const blocked = tokens.createBlockedReason;
  const reason =
    blocked === 'limit'
      ? tokens.maxActive === 1
        ? t('tokens.personal.limitOne')
        : t('tokens.personal.limitMany', { max: tokens.maxActive ?? 0 })
      : '';

  return (
    <section data-slot="ras-token-section" data-section="personal" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('tokens.personal.title')}</h3>
      <p data-slot="ras-token-section-description">{t('tokens.personal.description')}</p>
      {!tokens.personalEnabled ? (
        <p data-slot="ras-token-disabled">{t('tokens.personal.disabled')}</p>
      ) : personal.status === 'error' && !personal.data ? (
        <ErrorAlert error={personal.error!} t={t} onRetry={personal.retry} />
      ) : !personal.data ? (
        <p aria-busy="true" data-slot="ras-token-loading">
          {t('tokens.loading')}
        </p>
      ) : (
        <>
          {personal.data.length === 0 ? (
            <p data-slot="ras-token-empty">{t('tokens.personal.empty')}</p>
          ) : (
            <ul data-slot="ras-token-list" aria-label={t('tokens.personal.list')}>
              {personal.data.map((token) => (
                <li key={token.id} data-slot="ras-token-item">
                  <code data-slot="ras-token-prefix">{token.prefix}</code>
                  <span>
                    {token.createdAt
                      ? t('tokens.personal.created', { date: formatDate(token.createdAt, locale) })
                      : null}
                  </span>
                  <span>
                    {token.expiresAt
                      ? t('tokens.personal.expires', { date: formatDate(token.expiresAt, locale) })
                      : t('tokens.personal.neverExpires')}
                  </span>
                  {adapter.revokePersonalToken ? (
                    <button
                      type="button"
                      data-slot="ras-button"
                      data-variant="secondary"
                      aria-label={t('tokens.personal.revokeLabel', { prefix: token.prefix })}
                      onClick={() => {
                        tokens.revoke.reset();
                        setRevoking({ id: token.id, prefix: token.prefix });
                      }}
                    >
                      {t('tokens.personal.revoke')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {blocked !== 'unsupported' ? (
            <div data-slot="ras-token-actions">
              <Button
                variant="primary"
                unavailable={blocked !== null}
                unavailableReasonId={reason ? reasonId : undefined}
                onClick={() => {
                  tokens.create.reset();
                  setNotice('');
                  setCreating(true);
                }}
              >
                {t('tokens.personal.create')}
              </Button>
              {reason ? (
                <p id={reasonId} data-slot="ras-token-reason">
                  {reason}
                </p>
              ) : null}
            </div>
          ) : null}
          <div data-slot="ras-token-usage">
            <h4>{t('tokens.usage.title')}</h4>
            <p>{t('tokens.usage.personal')}</p>
            <UsageExample example={adapter.tokenUsage?.personal} t={t} />
          </div>
        </>
      )}
      <p role="status" data-slot="ras-token-status">
        {notice}
      </p>
      <CreateTokenDialog
        open={creating}
        onOpenChange={setCreating}
        create={tokens.createToken}
        isPending={tokens.create.isPending}
        locale={locale}
        t={t}
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title={t('tokens.personal.revokeTitle', { prefix: revoking?.prefix ?? '' })}
        description={t('tokens.personal.revokeDescription')}
        confirmLabel={t('tokens.personal.revoke')}
        cancelLabel={t('common.cancel')}
        destructive
        isPending={tokens.revoke.isPending}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await tokens.revokeToken(revoking.id);
          if (result?.ok) {
            setRevoking(null);
            setNotice(t('tokens.personal.revoked'));
          }
        }}
      >
        {tokens.revoke.error ? (
          <p role="alert" data-slot="ras-token-error">
            {t('tokens.personal.revokeFailed', { reason: describeError(tokens.revoke.error, t) })}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function LegacyTokenSection({ tokens, adapter, t }: SectionProps) {
  const headingId = useId();
  const fieldId = useId();
  const [shown, setShown] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const [notice, setNotice] = useState('');
  const { legacy } = tokens;
  const token = legacy.data?.token;

  return (
    <section data-slot="ras-token-section" data-section="legacy" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('tokens.legacy.title')}</h3>
      <p data-slot="ras-token-section-description">{t('tokens.legacy.description')}</p>
      {!tokens.legacyEnabled ? (
        <p data-slot="ras-token-disabled">{t('tokens.legacy.disabled')}</p>
      ) : legacy.status === 'error' && !token ? (
        <ErrorAlert error={legacy.error!} t={t} onRetry={legacy.retry} />
      ) : !token ? (
        <p aria-busy="true" data-slot="ras-token-loading">
          {t('tokens.loading')}
        </p>
      ) : (
        <>
          <div data-slot="ras-token-field">
            <label htmlFor={fieldId}>{t('tokens.legacy.field')}</label>
            {/* Masked, the field holds dots, not the secret. */}
            <input
              id={fieldId}
              type="text"
              readOnly
              spellCheck={false}
              autoComplete="off"
              value={shown ? token : '•'.repeat(Math.min(token.length, 40))}
              data-masked={shown ? undefined : ''}
            />
            <button
              type="button"
              data-slot="ras-button"
              data-variant="secondary"
              aria-pressed={shown}
              onClick={() => setShown((value) => !value)}
            >
              {shown ? t('tokens.legacy.hide') : t('tokens.legacy.show')}
            </button>
            <CopyButton getText={() => legacy.data?.token ?? ''} label={t('tokens.copy')} t={t} />
            {adapter.renewLegacyToken ? (
              <button
                type="button"
                data-slot="ras-button"
                data-variant="danger"
                onClick={() => {
                  tokens.renew.reset();
                  setRenewing(true);
                }}
              >
                {t('tokens.legacy.renew')}
              </button>
            ) : null}
          </div>
          <div data-slot="ras-token-usage">
            <h4>{t('tokens.usage.title')}</h4>
            <p>{t('tokens.usage.legacy')}</p>
            <UsageExample example={adapter.tokenUsage?.legacy} secret={() => legacy.data?.token ?? ''} t={t} />
          </div>
        </>
      )}
      <p role="status" data-slot="ras-token-status">
        {notice}
      </p>
      <ConfirmDialog
        open={renewing}
        onOpenChange={setRenewing}
        title={t('tokens.legacy.renewTitle')}
        description={t('tokens.legacy.renewDescription')}
        confirmLabel={t('tokens.legacy.renew')}
        cancelLabel={t('common.cancel')}
        destructive
        isPending={tokens.renew.isPending}
        onConfirm={async () => {
          const result = await tokens.renewLegacy();
          if (result?.ok) {
            setRenewing(false);
            setNotice(t('tokens.legacy.renewed'));
          }
        }}
      >
        {tokens.renew.error ? (
          <p role="alert" data-slot="ras-token-error">
            {t('tokens.legacy.renewFailed', { reason: describeError(tokens.renew.error, t) })}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
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
  { adapter: adapterProp, show = 'both', className, ...props },
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
  if (!settings.data) {
    return (
      <div {...root} data-state={settings.status} aria-busy={settings.status === 'loading'}>
        {settings.status === 'error' ? (
          <ErrorAlert error={settings.error!} t={t} onRetry={settings.retry} />
        ) : (
          <p data-slot="ras-token-loading">{t('tokens.loading')}</p>
        )}
      </div>
    );
  }
  return (
    <div {...root} data-state="ready">
      {show !== 'legacy' ? <PersonalTokens tokens={tokens} adapter={adapter} t={t} locale={locale} /> : null}
      {show !== 'personal' ? <LegacyTokenSection tokens={tokens} adapter={adapter} t={t} locale={locale} /> : null}
    </div>
  );
});
TokenPanel.displayName = 'TokenPanel';
