import type { UseTokensResult } from '../../hooks/use-tokens';
import type { Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { ConfirmDialog } from '../shared/confirm-dialog';

/** Props of the revoke dialog: the token being revoked (or `null` when closed). */
export interface RevokeTokenDialogProps {
  tokens: UseTokensResult;
  revoking: { id: string; prefix: string } | null;
  setRevoking: (revoking: { id: string; prefix: string } | null) => void;
  setNotice: (notice: string) => void;
  t: Translate;
}

/** Asks before revoking a personal token, and says why when it fails. */
export function RevokeTokenDialog({ tokens, revoking, setRevoking, setNotice, t }: RevokeTokenDialogProps) {
  return (
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
        const result = await tokens.revoke.run(revoking.id);
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
  );
}
