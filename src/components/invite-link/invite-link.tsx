import { forwardRef, useId, useState } from 'react';
import { useInviteLink, type UseInviteLinkOptions } from '../../hooks/use-invite-link';
import { useTranslate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { classNames } from '../shared/class-names';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { ErrorAlert } from '../shared/error-alert';
import { ModalDialog } from '../shared/modal-dialog';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `InviteLink`. */
export interface InviteLinkProps extends Omit<UseInviteLinkOptions, 'enabled'> {
  /** A class for the "Invite people" button. */
  className?: string;
  /** Whether the dialog starts open (for stories and host pages that open it themselves). @default false */
  defaultOpen?: boolean;
}

/**
 * An "Invite people" button that opens a dialog with the organization's invite link in a
 * read-only field, **Copy link**, and **Reset link** behind a confirmation that says the old link
 * stops working. The link is read when the dialog opens. A `ref` reaches the button.
 *
 * @example
 * <InviteLink />
 */
export const InviteLink = forwardRef<HTMLButtonElement, InviteLinkProps>(function InviteLink(
  { adapter, baseUrl, className, defaultOpen = false },
  ref,
) {
  const themeAttributes = useThemeAttributes();
  const t = useTranslate();
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const [confirming, setConfirming] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const invite = useInviteLink({ adapter, baseUrl, enabled: open });

  if (!invite.isSupported) return null;

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) {
      setResetDone(false);
      invite.resetLink.reset();
    }
  }

  async function confirmReset() {
    const result = await invite.resetLink.run();
    if (result?.ok) {
      setConfirming(false);
      setResetDone(true);
    }
  }

  return (
    <ModalDialog.Root open={open} onOpenChange={changeOpen}>
      <ModalDialog.Trigger asChild ref={ref}>
        <Button
          variant="primary"
          data-component="invite-link-open"
          className={classNames('ras-invite-link', className)}
          {...themeAttributes}
        >
          {t('invite.open')}
        </Button>
      </ModalDialog.Trigger>
      <ModalDialog.Content data-component="invite-link" title={t('invite.title')} description={t('invite.description')}>
        {invite.status === 'error' ? (
          <ErrorAlert error={invite.error} t={t} onRetry={invite.retry} />
        ) : invite.url === null ? (
          <p aria-busy="true" data-slot="ras-invite-link-loading">
            {t('invite.loading')}
          </p>
        ) : (
          <div data-slot="ras-invite-link-field">
            <label htmlFor={`${id}-link`}>{t('invite.field')}</label>
            <input
              id={`${id}-link`}
              type="text"
              readOnly
              value={invite.url}
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.target.select()}
            />
            <div data-slot="ras-invite-link-actions">
              <CopyButton getText={() => invite.url ?? ''} label={t('invite.copy')} t={t} />
              {invite.canReset ? (
                <Button
                  variant="secondary"
                  onClick={() => {
                    invite.resetLink.reset();
                    setConfirming(true);
                  }}
                >
                  {t('invite.reset')}
                </Button>
              ) : null}
            </div>
          </div>
        )}
        <p role="status" data-slot="ras-invite-link-status">
          {resetDone ? t('invite.resetDone') : ''}
        </p>
        <div data-slot="ras-dialog-actions">
          <ModalDialog.Close asChild>
            <Button variant="secondary">{t('invite.close')}</Button>
          </ModalDialog.Close>
        </div>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t('invite.resetTitle')}
          description={t('invite.resetDescription')}
          confirmLabel={t('invite.reset')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void confirmReset()}
          destructive
          isPending={invite.resetLink.isPending}
        >
          {invite.resetLink.error ? (
            <p role="alert" data-slot="ras-dialog-error">
              {t('invite.resetFailed', { reason: describeError(invite.resetLink.error, t) })}
            </p>
          ) : null}
        </ConfirmDialog>
      </ModalDialog.Content>
    </ModalDialog.Root>
  );
});
InviteLink.displayName = 'InviteLink';
