import { useId, useRef, useState } from 'react';
import { useFocusFallback } from '../../hooks/use-focus-fallback';
import { formatDate, formatDateTime } from '../../core/format/format-date';
import { ErrorAlert } from '../shared/error-alert';
import { CreateTokenDialog } from './create-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import type { TokenSectionProps } from './token-section-props';
import { UsageExample } from './usage-example';
import { Button } from '../shared/button';

/** Personal access tokens: the list, Create (secret shown once), Revoke after confirming, the limit and its reason. */
export function PersonalTokensSection({ tokens, adapter, t, locale, hideHeading }: TokenSectionProps) {
  const headingId = useId();
  const reasonId = useId();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; prefix: string } | null>(null);
  const [notice, setNotice] = useState('');
  const createRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // When a revoked token's row (and its Revoke button) goes, focus Create, else the list, never <body>.
  const focusFallback = useFocusFallback(() => createRef.current ?? listRef.current);
  const { personal } = tokens;
  const blocked = tokens.createBlockedReason;
  const reason =
    blocked === 'limit'
      ? tokens.maxActive === 1
        ? t('tokens.personal.limitOne')
        : t('tokens.personal.limitMany', { max: tokens.maxActive ?? 0 })
      : '';

  return (
    <section
      data-slot="ras-token-section"
      data-section="personal"
      aria-labelledby={hideHeading ? undefined : headingId}
      onFocus={focusFallback.onFocus}
    >
      {hideHeading ? null : <h3 id={headingId}>{t('tokens.personal.title')}</h3>}
      <p data-slot="ras-token-section-description">{t('tokens.personal.description')}</p>
      {!tokens.personalEnabled ? (
        <p data-slot="ras-token-disabled">{t('tokens.personal.disabled')}</p>
      ) : personal.status === 'error' && !personal.latest ? (
        <ErrorAlert error={personal.error} t={t} onRetry={personal.retry} />
      ) : !personal.latest ? (
        <p aria-busy="true" data-slot="ras-token-loading">
          {t('tokens.loading')}
        </p>
      ) : (
        <>
          {personal.latest.length === 0 ? (
            <p data-slot="ras-token-empty">{t('tokens.personal.empty')}</p>
          ) : (
            <ul ref={listRef} tabIndex={-1} data-slot="ras-token-list" aria-label={t('tokens.personal.list')}>
              {personal.latest.map((token, index) => {
                const itemId = `${headingId}-token-${index}`;
                return (
                  <li
                    key={token.id}
                    data-slot="ras-token-item"
                    // Named by what tells it apart: prefix, when it was made (to the minute) and when it ends.
                    aria-labelledby={`${itemId}-prefix ${itemId}-created ${itemId}-expires`}
                  >
                    <code id={`${itemId}-prefix`} data-slot="ras-token-prefix">
                      {token.prefix}
                    </code>
                    <span id={`${itemId}-created`} data-slot="ras-token-created">
                      {token.createdAt
                        ? t('tokens.personal.created', { date: formatDateTime(token.createdAt, locale) })
                        : null}
                    </span>
                    <span id={`${itemId}-expires`} data-slot="ras-token-expires">
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
                );
              })}
            </ul>
          )}
          {blocked !== 'unsupported' ? (
            <div data-slot="ras-token-actions">
              <Button
                ref={createRef}
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
            {hideHeading ? <h3>{t('tokens.usage.title')}</h3> : <h4>{t('tokens.usage.title')}</h4>}
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
        create={tokens.create.run}
        isPending={tokens.create.isPending}
        canChooseExpiry={tokens.canChooseExpiry}
        lifetimeDays={tokens.personalTokenLifetimeDays}
        locale={locale}
        t={t}
      />
      <RevokeTokenDialog tokens={tokens} revoking={revoking} setRevoking={setRevoking} setNotice={setNotice} t={t} />
    </section>
  );
}
