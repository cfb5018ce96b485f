import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, useId, useState } from 'react';
import { useInviteLink, type UseInviteLinkOptions } from '../../hooks/use-invite-link';
import { useTranslate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { classNames } from '../shared/class-names';
import { ConfirmDialog, useInertOutside } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { ErrorAlert } from '../shared/error-alert';
import { DialogPortal } from '../shared/dialog-portal';
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
  useInertOutside(open);

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
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Trigger asChild ref={ref}>
        <button
          type="button"
          data-slot="ras-button"
          data-variant="primary"
          data-component="invite-link-open"
          className={classNames('ras-invite-link', className)}
          {...themeAttributes}
        >
          {t('invite.open')}
        </button>
      </Dialog.Trigger>
      <DialogPortal>
        <Dialog.Overlay data-slot="ras-dialog-overlay" />
        <Dialog.Content data-slot="ras-dialog-content" data-component="invite-link">
          <Dialog.Title data-slot="ras-dialog-title">{t('invite.title')}</Dialog.Title>
          <Dialog.Description data-slot="ras-dialog-description">{t('invite.description')}</Dialog.Description>
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
                  <button
                    type="button"
                    data-slot="ras-button"
                    data-variant="secondary"
                    onClick={() => {
                      invite.resetLink.reset();
                      setConfirming(true);
                    }}
                  >
                    {t('invite.reset')}
                  </button>
                ) : null}
              </div>
            </div>
          )}
          <p role="status" data-slot="ras-invite-link-status">
            {resetDone ? t('invite.resetDone') : ''}
          </p>
          <div data-slot="ras-dialog-actions">
            <Dialog.Close asChild>
              <button type="button" data-slot="ras-button" data-variant="secondary">
                {t('invite.close')}
              </button>
            </Dialog.Close>
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
        </Dialog.Content>
      </DialogPortal>
    </Dialog.Root>
  );
});
InviteLink.displayName = 'InviteLink';
