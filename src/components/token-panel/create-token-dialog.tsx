import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import type { AccountError } from '../../adapters/errors';
import type { CreatedPersonalToken, CreatePersonalTokenInput } from '../../adapters/types';
import { formatDateTime } from '../../core/format/format-date';
import type { MutationResult } from '../../hooks/use-mutation';
import type { Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { useInertOutside, useReturnFocus } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { DialogPortal } from '../shared/dialog-portal';

const EXPIRY_CHOICES = [null, 30, 90, 365] as const;

/** Props of the create-token dialog. */
export interface CreateTokenDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (input: CreatePersonalTokenInput) => Promise<MutationResult<CreatedPersonalToken> | undefined>;
  isPending: boolean;
  locale: string;
  t: Translate;
}

function createError(error: AccountError, t: Translate): string {
  return error.code === 'conflict'
    ? t('tokens.personal.conflict')
    : t('tokens.create.failed', { reason: describeError(error, t) });
}

/** Creates a personal token and shows its secret exactly once; closing forgets it. */
export function CreateTokenDialog({ open, onOpenChange, create, isPending, locale, t }: CreateTokenDialogProps) {
  const id = useId();
  const [expiry, setExpiry] = useState<string>('never');
  // The secret lives here and nowhere else, and only until the dialog closes.
  const [created, setCreated] = useState<CreatedPersonalToken | null>(null);
  const [error, setError] = useState<AccountError | null>(null);
  useInertOutside(open);
  const returnFocus = useReturnFocus();

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    setCreated(null);
    setError(null);
    setExpiry('never');
    onOpenChange(false);
  }

  return (
    <Dialog.Root open={open} onOpenChange={close}>
      <DialogPortal>
        <Dialog.Overlay data-slot="ras-dialog-overlay" />
        <Dialog.Content
          data-slot="ras-dialog-content"
          {...returnFocus}
          // A click outside must not throw away a secret the user has not copied yet.
          onInteractOutside={(event) => {
            if (created) event.preventDefault();
          }}
        >
          <Dialog.Title data-slot="ras-dialog-title">{t('tokens.create.title')}</Dialog.Title>
          {created ? (
            <>
              <Dialog.Description data-slot="ras-dialog-description">{t('tokens.create.copyNow')}</Dialog.Description>
              <div data-slot="ras-token-field">
                <label htmlFor={`${id}-token`}>{t('tokens.create.token')}</label>
                <input
                  id={`${id}-token`}
                  type="text"
                  readOnly
                  value={created.token}
                  spellCheck={false}
                  autoComplete="off"
                  onFocus={(event) => event.target.select()}
                />
                <CopyButton getText={() => created.token} label={t('tokens.copy')} t={t} />
              </div>
              <p data-slot="ras-token-expiry">
                {created.info.expiresAt
                  ? t('tokens.create.expiresOn', { date: formatDateTime(created.info.expiresAt, locale) })
                  : t('tokens.create.neverExpires')}
              </p>
              <p data-slot="ras-token-warning">{t('tokens.create.warning')}</p>
              <div data-slot="ras-dialog-actions">
                <Dialog.Close asChild>
                  <button type="button" data-slot="ras-button" data-variant="primary">
                    {t('tokens.create.done')}
                  </button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <>
              <Dialog.Description data-slot="ras-dialog-description">
                {t('tokens.create.description')}
              </Dialog.Description>
              <div data-slot="ras-token-field">
                <label htmlFor={`${id}-expiry`}>{t('tokens.create.expiry')}</label>
                <select id={`${id}-expiry`} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
                  {EXPIRY_CHOICES.map((days) => (
                    <option key={days ?? 'never'} value={days ?? 'never'}>
                      {days === null ? t('tokens.create.expiryNever') : t('tokens.create.expiryDays', { count: days })}
                    </option>
                  ))}
                </select>
              </div>
              {error ? (
                <p role="alert" data-slot="ras-token-error">
                  {createError(error, t)}
                </p>
              ) : null}
              <div data-slot="ras-dialog-actions">
                <Dialog.Close asChild>
                  <button type="button" data-slot="ras-button" data-variant="secondary">
                    {t('common.cancel')}
                  </button>
                </Dialog.Close>
                <button
                  type="button"
                  data-slot="ras-button"
                  data-variant="primary"
                  aria-busy={isPending}
                  aria-disabled={isPending}
                  onClick={async () => {
                    if (isPending) return;
                    setError(null);
                    const result = await create({ expiresInDays: expiry === 'never' ? null : Number(expiry) });
                    if (!result) return;
                    if (result.ok) setCreated(result.value);
                    else setError(result.error);
                  }}
                >
                  {isPending ? t('tokens.create.creating') : t('tokens.create.submit')}
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </DialogPortal>
    </Dialog.Root>
  );
}
