import { useEffect, useId, useRef, useState } from 'react';
import type { AccountError } from '../../adapters/errors';
import type { CreatedPersonalToken, CreatePersonalTokenInput } from '../../adapters/types';
import { formatDateTime } from '../../core/format/format-date';
import type { MutationResult } from '../../hooks/use-mutation';
import type { Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { ModalDialog } from '../shared/modal-dialog';

const EXPIRY_CHOICES = [null, 30, 90, 365] as const;

/** Props of the create-token dialog. */
export interface CreateTokenDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (input: CreatePersonalTokenInput) => Promise<MutationResult<CreatedPersonalToken> | undefined>;
  isPending: boolean;
  /** Whether to offer an expiry choice (the adapter honours it); otherwise the organization's policy is stated. */
  canChooseExpiry: boolean;
  /** The organization's token lifetime in days, `null` for never, `undefined` when not known. */
  lifetimeDays: number | null | undefined;
  locale: string;
  t: Translate;
}

function createError(error: AccountError, t: Translate): string {
  return error.code === 'conflict'
    ? t('tokens.personal.conflict')
    : t('tokens.create.failed', { reason: describeError(error, t) });
}

/**
 * Creates a personal token and shows its secret exactly once, with focus on it; closing forgets it,
 * so closing before the token was copied (Escape, Done, a click outside) asks first.
 */
export function CreateTokenDialog({
  open,
  onOpenChange,
  create,
  isPending,
  canChooseExpiry,
  lifetimeDays,
  locale,
  t,
}: CreateTokenDialogProps) {
  const id = useId();
  const [expiry, setExpiry] = useState<string>('never');
  // The secret lives here and nowhere else, and only until the dialog closes.
  const [created, setCreated] = useState<CreatedPersonalToken | null>(null);
  const [error, setError] = useState<AccountError | null>(null);
  // Whether the secret reached the clipboard (Copy, or a copy from the field itself).
  const [copied, setCopied] = useState(false);
  const [askingToClose, setAskingToClose] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);

  // The Create button that had focus is gone: the token is what the user came for (focusing selects it).
  useEffect(() => {
    if (created) tokenRef.current?.focus();
  }, [created]);

  function closeNow() {
    setCreated(null);
    setError(null);
    setExpiry('never');
    setCopied(false);
    setAskingToClose(false);
    onOpenChange(false);
  }

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    // The secret can't be shown again: closing before it was copied asks first.
    if (created && !copied) return setAskingToClose(true);
    closeNow();
  }

  return (
    <>
      <ModalDialog.Root open={open} onOpenChange={close}>
        <ModalDialog.Content
          title={t('tokens.create.title')}
          description={
            created
              ? t('tokens.create.copyNow')
              : canChooseExpiry
                ? t('tokens.create.description')
                : t('tokens.create.descriptionPolicy')
          }
        >
          {created ? (
            <>
              <div data-slot="ras-token-field">
                <label htmlFor={`${id}-token`}>{t('tokens.create.token')}</label>
                <input
                  ref={tokenRef}
                  id={`${id}-token`}
                  type="text"
                  readOnly
                  value={created.token}
                  spellCheck={false}
                  autoComplete="off"
                  onFocus={(event) => event.target.select()}
                  onCopy={() => setCopied(true)}
                />
                <CopyButton
                  getText={() => created.token}
                  label={t('tokens.copy')}
                  t={t}
                  onCopied={() => setCopied(true)}
                />
              </div>
              <p data-slot="ras-token-expiry">
                {created.info.expiresAt
                  ? t('tokens.create.expiresOn', { date: formatDateTime(created.info.expiresAt, locale) })
                  : t('tokens.create.neverExpires')}
              </p>
              <p data-slot="ras-token-warning">{t('tokens.create.warning')}</p>
              <div data-slot="ras-dialog-actions">
                <ModalDialog.Close asChild>
                  <Button variant="primary">{t('tokens.create.done')}</Button>
                </ModalDialog.Close>
              </div>
            </>
          ) : (
            <>
              {canChooseExpiry ? (
                <div data-slot="ras-token-field">
                  <label htmlFor={`${id}-expiry`}>{t('tokens.create.expiry')}</label>
                  <select id={`${id}-expiry`} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
                    {EXPIRY_CHOICES.map((days) => (
                      <option key={days ?? 'never'} value={days ?? 'never'}>
                        {days === null
                          ? t('tokens.create.expiryNever')
                          : t('tokens.create.expiryDays', { count: days })}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                // The backend ignores a chosen expiry: say what the organization decided instead of offering one.
                <p data-slot="ras-token-policy">
                  {lifetimeDays === undefined
                    ? t('tokens.create.policyUnknown')
                    : lifetimeDays === null
                      ? t('tokens.create.policyNever')
                      : t('tokens.create.policyDays', { count: lifetimeDays })}
                </p>
              )}
              {error ? (
                <p role="alert" data-slot="ras-token-error">
                  {createError(error, t)}
                </p>
              ) : null}
              <div data-slot="ras-dialog-actions">
                <ModalDialog.Close asChild>
                  <Button variant="secondary">{t('common.cancel')}</Button>
                </ModalDialog.Close>
                <Button
                  variant="primary"
                  unavailable={false}
                  pending={isPending}
                  onClick={async () => {
                    setError(null);
                    const result = await create(
                      canChooseExpiry ? { expiresInDays: expiry === 'never' ? null : Number(expiry) } : {},
                    );
                    if (!result) return;
                    if (result.ok) setCreated(result.value);
                    else setError(result.error);
                  }}
                >
                  {isPending ? t('tokens.create.creating') : t('tokens.create.submit')}
                </Button>
              </div>
            </>
          )}
        </ModalDialog.Content>
      </ModalDialog.Root>
      <ConfirmDialog
        open={askingToClose}
        onOpenChange={(next) => {
          if (!next) setAskingToClose(false);
        }}
        title={t('tokens.create.closeTitle')}
        description={t('tokens.create.closeDescription')}
        cancelLabel={t('tokens.create.backToToken')}
        confirmLabel={t('tokens.create.closeAnyway')}
        destructive
        onConfirm={closeNow}
      />
    </>
  );
}
