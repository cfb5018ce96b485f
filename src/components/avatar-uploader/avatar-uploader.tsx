import { forwardRef, useId, useRef, useState, type ComponentProps, type FocusEvent } from 'react';
import { formatFileSize } from '../../core/image/validate-avatar-file';
import { describeError } from '../../i18n/describe-error';
import { useAvatarUpload, type UseAvatarUploadOptions } from '../../hooks/use-avatar-upload';
import { useFocusFallback } from '../../hooks/use-focus-fallback';
import { useTranslate } from '../../hooks/use-translate';
import { useOptionalAccount } from '../../provider/account-context';
import { classNames } from '../shared/class-names';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorAlert } from '../shared/error-alert';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `AvatarUploader`: the hook's options plus the root `<section>`'s own props. */
export interface AvatarUploaderProps extends UseAvatarUploadOptions, Omit<ComponentProps<'section'>, 'children'> {}

/**
 * The profile photo: shows the photo or initials, and lets the user upload a new one (file
 * picker, drag and drop, or paste), resize one that is too large, cancel an upload, and
 * remove the photo after confirming.
 *
 * @example
 * <AvatarUploader maxBytes={512 * 1024} onSaved={(user) => refreshHeader(user)} />
 */
export const AvatarUploader = forwardRef<HTMLElement, AvatarUploaderProps>(function AvatarUploader(
  { adapter, maxWidth, maxHeight, maxBytes, accept, onSaved, onPhaseChange, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const avatar = useAvatarUpload({ adapter, maxWidth, maxHeight, maxBytes, accept, onSaved, onPhaseChange });
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const hintId = `${useId()}-hint`;
  const { phase } = avatar;
  const uploadRef = useRef<HTMLButtonElement>(null);
  const resizeRef = useRef<HTMLButtonElement>(null);
  const confirmResizedRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  // When the focused control goes (Remove photo, Cancel upload, Discard, …), focus the main
  // control of the step the uploader is now at, never <body>.
  const focusFallback = useFocusFallback(() => {
    switch (phase.kind) {
      case 'rejected':
        return phase.canResize ? resizeRef.current : uploadRef.current;
      case 'resizing':
        return resizeRef.current;
      case 'confirming':
        return confirmResizedRef.current;
      case 'uploading':
        return cancelRef.current;
      case 'failed':
        return retryRef.current;
      default:
        return uploadRef.current;
    }
  });

  const rootProps = {
    'aria-label': t('avatar.title'),
    'data-slot': 'ras-avatar-uploader',
    className: classNames('ras-avatar-uploader', className),
    ...themeAttributes,
    ...rest,
    onFocus: (event: FocusEvent<HTMLElement>) => {
      rest.onFocus?.(event);
      focusFallback.onFocus(event);
    },
  };

  if (avatar.status === 'loading' || avatar.status === 'error') {
    return (
      <section {...rootProps} data-state={avatar.status} aria-busy={avatar.status === 'loading'}>
        {avatar.status === 'loading' ? (
          <>
            <div data-slot="ras-avatar-uploader-photo" data-skeleton="" aria-hidden="true" />
            <p data-slot="ras-avatar-uploader-loading">{t('avatar.loading')}</p>
          </>
        ) : (
          <ErrorAlert error={avatar.error} t={t} onRetry={avatar.retry} />
        )}
      </section>
    );
  }

  const user = avatar.data;
  const percent = avatar.progress === null ? 0 : Math.round(avatar.progress * 100);
  return (
    <section {...avatar.getRootProps(rootProps)} data-state={phase.kind}>
      <div data-slot="ras-avatar-uploader-dropzone" {...avatar.getDropzoneProps()}>
        {user.avatarUrl ? (
          <img
            data-slot="ras-avatar-uploader-photo"
            src={user.avatarUrl}
            alt={t('avatar.photoAlt', { name: avatar.displayName })}
          />
        ) : (
          <span
            data-slot="ras-avatar-uploader-photo"
            data-initials=""
            role="img"
            aria-label={t('avatar.initialsLabel', { name: avatar.displayName })}
          >
            {avatar.initials}
          </span>
        )}
        {avatar.isDragging ? (
          <span data-slot="ras-avatar-uploader-drop-hint" aria-hidden="true">
            {t('avatar.dropHere')}
          </span>
        ) : null}
      </div>

      <div data-slot="ras-avatar-uploader-body">
        {avatar.canUpload ? (
          <>
            <input {...avatar.getInputProps()} aria-label={t('avatar.upload')} />
            <div data-slot="ras-avatar-uploader-actions">
              <Button
                ref={uploadRef}
                variant="primary"
                aria-describedby={hintId}
                unavailable={avatar.isBusy}
                onClick={() => avatar.openFilePicker()}
              >
                {t('avatar.upload')}
              </Button>
              {avatar.canRemove ? (
                <Button variant="secondary" unavailable={avatar.isBusy} onClick={() => setConfirmingRemove(true)}>
                  {t('avatar.remove')}
                </Button>
              ) : null}
            </div>
            <p id={hintId} data-slot="ras-avatar-uploader-hint">
              {t('avatar.hint', {
                types: avatar.acceptedTypes,
                width: String(avatar.limits.maxWidth),
                height: String(avatar.limits.maxHeight),
                size: formatFileSize(avatar.limits.maxBytes, locale),
              })}
            </p>
          </>
        ) : null}

        {phase.kind === 'checking' ? <p data-slot="ras-avatar-uploader-checking">{t('avatar.checking')}</p> : null}

        {phase.kind === 'uploading' ? (
          <div data-slot="ras-avatar-uploader-progress">
            <div
              role="progressbar"
              aria-label={t('avatar.uploading')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}%`}
              data-slot="ras-avatar-uploader-progressbar"
            >
              <div data-slot="ras-avatar-uploader-progress-fill" style={{ inlineSize: `${percent}%` }} />
            </div>
            <span aria-hidden="true">{percent}%</span>
            <button
              ref={cancelRef}
              type="button"
              data-slot="ras-button"
              data-variant="secondary"
              onClick={avatar.cancel}
            >
              {t('avatar.cancelUpload')}
            </button>
          </div>
        ) : null}

        {phase.kind === 'rejected' || phase.kind === 'resizing' ? (
          <div role="alert" data-slot="ras-avatar-uploader-rejection">
            <p>{phase.kind === 'rejected' ? phase.message : t('avatar.resizing')}</p>
            {phase.kind === 'resizing' || phase.canResize ? (
              // Stays while resizing (busy), so focus stays on it until the preview's Upload takes over.
              <Button
                ref={resizeRef}
                variant="primary"
                pending={phase.kind === 'resizing'}
                onClick={() => void avatar.resize()}
              >
                {t('avatar.resize')}
              </Button>
            ) : null}
          </div>
        ) : null}

        {phase.kind === 'confirming' ? (
          <div data-slot="ras-avatar-uploader-preview">
            <img src={phase.previewUrl} alt={t('avatar.previewAlt')} data-slot="ras-avatar-uploader-preview-image" />
            <p>
              {t('avatar.resized', {
                width: String(phase.resized.width),
                height: String(phase.resized.height),
                size: formatFileSize(phase.resized.file.size, locale),
              })}
            </p>
            <div data-slot="ras-avatar-uploader-actions">
              <button
                ref={confirmResizedRef}
                type="button"
                data-slot="ras-button"
                data-variant="primary"
                onClick={avatar.confirmResized}
              >
                {t('avatar.uploadResized')}
              </button>
              <button type="button" data-slot="ras-button" data-variant="secondary" onClick={avatar.discard}>
                {t('avatar.discardResized')}
              </button>
            </div>
          </div>
        ) : null}

        {phase.kind === 'failed' ? (
          <div role="alert" data-slot="ras-avatar-uploader-failure">
            <p>{phase.message}</p>
            <button
              ref={retryRef}
              type="button"
              data-slot="ras-button"
              data-variant="secondary"
              onClick={avatar.retryUpload}
            >
              {t('common.retry')}
            </button>
          </div>
        ) : null}

        {avatar.remove.error && !confirmingRemove ? (
          <div role="alert" data-slot="ras-avatar-uploader-failure">
            <p>{t('avatar.removeFailed', { reason: describeError(avatar.remove.error, t) })}</p>
          </div>
        ) : null}

        <p role="status" data-slot="ras-avatar-uploader-status">
          {avatar.notice === 'uploaded' ? t('avatar.uploaded') : avatar.notice === 'removed' ? t('avatar.removed') : ''}
        </p>
      </div>

      <ConfirmDialog
        open={confirmingRemove}
        onOpenChange={setConfirmingRemove}
        title={t('avatar.removeTitle')}
        description={t('avatar.removeDescription')}
        confirmLabel={t('avatar.remove')}
        cancelLabel={t('common.cancel')}
        destructive
        isPending={avatar.remove.isPending}
        onConfirm={async () => {
          if ((await avatar.remove.run())?.ok) setConfirmingRemove(false);
        }}
      >
        {avatar.remove.error ? <ErrorAlert error={avatar.remove.error} t={t} /> : null}
      </ConfirmDialog>
    </section>
  );
});
AvatarUploader.displayName = 'AvatarUploader';
