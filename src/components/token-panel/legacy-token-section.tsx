import { useId, useState } from 'react';
import { CopyButton } from '../shared/copy-button';
import { ErrorAlert } from '../shared/error-alert';
import { RenewLegacyDialog } from './renew-legacy-dialog';
import type { TokenSectionProps } from './token-section-props';
import { UsageExample } from './usage-example';

/** The legacy token: masked, Show/Hide, Copy, and Renew after confirming. */
export function LegacyTokenSection({ tokens, adapter, t, hideHeading }: TokenSectionProps) {
  const headingId = useId();
  const fieldId = useId();
  const [shown, setShown] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const [notice, setNotice] = useState('');
  const { legacy } = tokens;
  const token = legacy.latest?.token;

  return (
    // Without its heading the section is no landmark, so it can't repeat the page's region name.
    <section data-slot="ras-token-section" data-section="legacy" aria-labelledby={hideHeading ? undefined : headingId}>
      {hideHeading ? null : <h3 id={headingId}>{t('tokens.legacy.title')}</h3>}
      <p data-slot="ras-token-section-description">{t('tokens.legacy.description')}</p>
      {!tokens.legacyEnabled ? (
        <p data-slot="ras-token-disabled">{t('tokens.legacy.disabled')}</p>
      ) : legacy.status === 'error' && !token ? (
        <ErrorAlert error={legacy.error} t={t} onRetry={legacy.retry} />
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
            <CopyButton getText={() => legacy.latest?.token ?? ''} label={t('tokens.copy')} t={t} />
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
            {hideHeading ? <h3>{t('tokens.usage.title')}</h3> : <h4>{t('tokens.usage.title')}</h4>}
            <p>{t('tokens.usage.legacy')}</p>
            <UsageExample example={adapter.tokenUsage?.legacy} secret={() => legacy.latest?.token ?? ''} t={t} />
          </div>
        </>
      )}
      <p role="status" data-slot="ras-token-status">
        {notice}
      </p>
      <RenewLegacyDialog tokens={tokens} renewing={renewing} setRenewing={setRenewing} setNotice={setNotice} t={t} />
    </section>
  );
}
