import type { UseTokensResult } from '../../hooks/use-tokens';
import type { Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { ConfirmDialog } from '../shared/confirm-dialog';

/** Props of the renew dialog. */
export interface RenewLegacyDialogProps {
  tokens: UseTokensResult;
  renewing: boolean;
  setRenewing: (renewing: boolean) => void;
  setNotice: (notice: string) => void;
  t: Translate;
}

/** Asks before replacing the legacy token, and says why when it fails. */
export function RenewLegacyDialog({ tokens, renewing, setRenewing, setNotice, t }: RenewLegacyDialogProps) {
  return (
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
        const result = await tokens.renew.run();
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
  );
}
