import { useEffect, useReducer, useRef, useState, type ComponentPropsWithRef } from 'react';
import { isAbortError, toAccountError, type AccountError } from '../adapters/errors';
import type { AccountAdapter, User } from '../adapters/types';
import { initialsOf } from '../core/format/initials';
import type { ImageType } from '../core/image/read-image-header';
import type { AvatarLimits } from '../core/image/validate-avatar-file';
import { describeError } from '../i18n/describe-error';
import { useOptionalAccount } from '../provider/account-context';
import { avatarReducer, INITIAL_AVATAR_STATE, type AvatarNotice, type AvatarPhase } from './avatar/avatar-state';
import { checkAvatarFile, describeRejection, listTypes } from './avatar/check-avatar-file';
import { resizeImageToFit } from './avatar/resize-image';
import type { MergedProps } from './merge-props';
import type { MutationResult, MutationStatus, WriteState } from './use-mutation';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useFileDrop, type FileDropzoneProps, type FileInputProps, type FilePasteProps } from './use-file-drop';
import { useCurrentUser } from './use-current-user';
import { readOf, type ReadState } from './use-resource';
import { useTranslate } from './use-translate';
import * as defaultPreset from '../label-studio/default-preset';

const defaultAvatarLimits: AvatarLimits = defaultPreset.rules.avatar;

export type { AvatarPhase, AvatarNotice } from './avatar/avatar-state';

/** Options of `useAvatarUpload`. */
export interface UseAvatarUploadOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The widest allowed image in pixels. @default the default preset's `rules.avatar.maxWidth` (1200) */
  maxWidth?: number;
  /** The tallest allowed image in pixels. @default the default preset's `rules.avatar.maxHeight` (1200) */
  maxHeight?: number;
  /** The largest allowed file in bytes. @default the default preset's `rules.avatar.maxBytes` (1024 KB) */
  maxBytes?: number;
  /** The accepted image types, checked by magic bytes. @default the default preset's `rules.avatar.types` (PNG, JPEG, GIF) */
  accept?: readonly ImageType[];
  /** Called with the updated user after a photo was uploaded or removed. */
  onSaved?: (user: User) => void;
  /** Called whenever the chosen file's phase changes (to keep a page from being left mid-upload). */
  onPhaseChange?: (phase: AvatarPhase) => void;
}

/** What `useAvatarUpload` returns: state, actions and prop getters for an unstyled uploader. */
export type UseAvatarUploadResult = ReadState<User> & UseAvatarUploadFields;

/** The uploader's own part of `useAvatarUpload`'s result, beside the read of the signed-in user (`data`). */
export interface UseAvatarUploadFields {
  /** Where the chosen file stands: checking, rejected, resizing, awaiting confirmation, uploading, failed. */
  phase: AvatarPhase;
  /** The upload's progress from 0 to 1 while uploading, else `null`. */
  progress: number | null;
  /** Initials to show when there is no photo: from first and last name, else the email. */
  initials: string;
  /** The user's display name (full name, else email). */
  displayName: string;
  /** The limits files are checked against. */
  limits: AvatarLimits;
  /** The accepted types as a sentence ("PNG, JPEG or GIF"). */
  acceptedTypes: string;
  /** What happened last, for a status message: `'uploaded'`, `'removed'` or `null`. */
  notice: AvatarNotice;
  /** Whether a file is being dragged over the drop zone. */
  isDragging: boolean;
  /** Whether the adapter can upload photos. */
  canUpload: boolean;
  /** Whether there is a photo and the adapter can remove it. */
  canRemove: boolean;
  /** Whether the controls that start something new should be unavailable (an upload or resize is under way). */
  isBusy: boolean;
  /** Checks a file and uploads it when it passes. */
  select: (file: File | null | undefined) => Promise<void>;
  /** Opens the browser's file picker. */
  openFilePicker: () => void;
  /** Scales a rejected image down to fit and waits for confirmation. */
  resize: () => Promise<void>;
  /** Uploads the resized image. */
  confirmResized: () => void;
  /** Forgets the chosen or resized file. */
  discard: () => void;
  /** Cancels the upload under way. */
  cancel: () => void;
  /** Uploads the same file again after a failure. */
  retryUpload: () => void;
  /** Removes the photo: `remove.run()` resolves to the updated user, or why it failed. */
  remove: WriteState<void, User>;
  /** Props for the hidden `<input type="file">`, merged with the host's own (the host's handlers run first, refs are composed). */
  getInputProps: <P extends ComponentPropsWithRef<'input'>>(userProps?: P) => MergedProps<AvatarInputProps, P>;
  /** Props for the element that files can be dropped on, merged with the host's own (the host's handlers run first). */
  getDropzoneProps: <P extends ComponentPropsWithRef<'div'>>(userProps?: P) => MergedProps<AvatarDropzoneProps, P>;
  /** Props for the root element (pasting an image while focus is inside selects it), merged with the host's own. */
  getRootProps: <P extends ComponentPropsWithRef<'section'>>(userProps?: P) => MergedProps<AvatarRootProps, P>;
}

/** What `getInputProps` gives the hidden file input. */
export type AvatarInputProps = FileInputProps;

/** What `getDropzoneProps` gives the element files can be dropped on. */
export type AvatarDropzoneProps = FileDropzoneProps;

/** What `getRootProps` gives the root element. */
export type AvatarRootProps = FilePasteProps;

const MIME_TYPES: Record<ImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * The headless avatar uploader: checks a file in the browser before any upload (bytes, then
 * type by magic bytes, then pixels from the header), offers Resize to fit, uploads with
 * progress and Cancel, keeps the file on failure for Retry, and removes the photo.
 *
 * @example
 * const avatar = useAvatarUpload({ maxBytes: 512 * 1024 });
 * <input {...avatar.getInputProps()} />
 * <button onClick={avatar.openFilePicker}>Upload photo</button>
 */
export function useAvatarUpload(options: UseAvatarUploadOptions = {}): UseAvatarUploadResult {
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const limits: AvatarLimits = {
    maxWidth: options.maxWidth ?? defaultAvatarLimits.maxWidth,
    maxHeight: options.maxHeight ?? defaultAvatarLimits.maxHeight,
    maxBytes: options.maxBytes ?? defaultAvatarLimits.maxBytes,
    types: options.accept ?? defaultAvatarLimits.types,
  };
  const { maxWidth, maxHeight, maxBytes } = limits;

  const user = useCurrentUser({ adapter });
  const [{ phase, notice }, dispatch] = useReducer(avatarReducer, INITIAL_AVATAR_STATE);
  const onPhaseChangeRef = useRef(options.onPhaseChange);
  useEffect(() => {
    onPhaseChangeRef.current = options.onPhaseChange;
  });
  const phaseKind = phase.kind;
  const firstPhase = useRef(true);
  useEffect(() => {
    // Report changes only; the first idle phase is not news.
    if (firstPhase.current && phaseKind === 'idle') return;
    firstPhase.current = false;
    onPhaseChangeRef.current?.(phase);
    // A phase of the same kind with new progress is no change of phase.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phaseKind]);
  const [removeStatus, setRemoveStatus] = useState<MutationStatus>('idle');
  const [removeError, setRemoveError] = useState<AccountError | null>(null);
  const isRemoving = removeStatus === 'pending';
  const controllerRef = useRef<AbortController | null>(null);
  const onSavedRef = useRef(options.onSaved);
  useEffect(() => {
    onSavedRef.current = options.onSaved;
  });

  const canUpload = typeof adapter.uploadAvatar === 'function';
  const canRemove = typeof adapter.removeAvatar === 'function' && Boolean(user.latest?.avatarUrl);
  useEffect(() => {
    if (!canUpload) warnMissingMethod('AvatarUploader', 'uploadAvatar');
    if (typeof adapter.removeAvatar !== 'function') warnMissingMethod('AvatarUploader', 'removeAvatar');
  }, [adapter, canUpload]);

  // Unmounting cancels whatever is under way and sets no state afterwards.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const previewUrl = phase.kind === 'confirming' ? phase.previewUrl : null;
  useEffect(() => {
    if (!previewUrl) return;
    return () => URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  /** Starts a step that the next step, Cancel, or unmounting may abort. */
  function begin(): AbortController {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    return controller;
  }

  const setUserData = user.setData;
  async function upload(file: File) {
    const uploadAvatar = adapter.uploadAvatar;
    if (!uploadAvatar) return;
    const controller = begin();
    dispatch({ type: 'upload', file });
    try {
      const updated = await uploadAvatar.call(adapter, file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (!controller.signal.aborted) dispatch({ type: 'progress', fraction });
        },
      });
      if (controller.signal.aborted) return;
      setUserData(updated);
      dispatch({ type: 'uploaded' });
      onSavedRef.current?.(updated);
    } catch (reason) {
      if (controller.signal.aborted || isAbortError(reason)) return;
      const error = toAccountError(reason);
      // The server's own words about the file are the most precise reason there is.
      const detail = error.fieldErrors?.avatar?.[0] ?? describeError(error, t);
      dispatch({ type: 'fail', file, error, message: t('avatar.uploadFailed', { reason: detail }) });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }

  async function select(file: File | null | undefined) {
    if (!file || !canUpload) return;
    const controller = begin();
    dispatch({ type: 'check', file });
    const { result, canResize } = await checkAvatarFile(file, limits);
    if (controller.signal.aborted) return;
    if (result.ok) {
      await upload(file);
      return;
    }
    dispatch({ type: 'reject', file, code: result.code, message: describeRejection(result, t, locale), canResize });
  }

  async function resize() {
    if (phase.kind !== 'rejected' || !phase.canResize) return;
    const { file } = phase;
    const controller = begin();
    dispatch({ type: 'resize', file });
    try {
      const resized = await resizeImageToFit(file, file.name, { maxWidth, maxHeight, maxBytes }, controller.signal);
      if (controller.signal.aborted) return;
      dispatch({ type: 'resized', file, resized, previewUrl: URL.createObjectURL(resized.file) });
    } catch (reason) {
      if (controller.signal.aborted || isAbortError(reason)) return;
      dispatch({ type: 'reject', file, code: 'resize_failed', message: t('avatar.resizeFailed'), canResize: false });
    }
  }

  function confirmResized() {
    if (phase.kind === 'confirming') void upload(phase.resized.file);
  }

  function discard() {
    controllerRef.current?.abort();
    controllerRef.current = null;
    dispatch({ type: 'discard' });
  }

  function retryUpload() {
    if (phase.kind === 'failed') void upload(phase.file);
  }

  async function runRemove(): Promise<MutationResult<User> | undefined> {
    const removeAvatar = adapter.removeAvatar;
    if (!removeAvatar || isRemoving) return undefined;
    const controller = begin();
    setRemoveStatus('pending');
    setRemoveError(null);
    dispatch({ type: 'remove' });
    try {
      const updated = await removeAvatar.call(adapter, { signal: controller.signal });
      if (controller.signal.aborted) return undefined;
      setUserData(updated);
      setRemoveStatus('success');
      dispatch({ type: 'removed' });
      onSavedRef.current?.(updated);
      return { ok: true, value: updated };
    } catch (reason) {
      if (controller.signal.aborted || isAbortError(reason)) {
        if (!controller.signal.aborted) setRemoveStatus('idle');
        return undefined;
      }
      const error = toAccountError(reason);
      setRemoveStatus('error');
      setRemoveError(error);
      return { ok: false, error };
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }

  const isBusy = phase.kind === 'uploading' || phase.kind === 'resizing' || phase.kind === 'checking' || isRemoving;
  const drop = useFileDrop({
    accept: limits.types.map((type) => MIME_TYPES[type]).join(','),
    onFile: (file) => void select(file),
    canDrop: canUpload,
    isBusy,
    pasteFilter: (file) => file.type.startsWith('image/'),
  });

  const loaded = user.latest;
  const displayName = loaded ? `${loaded.firstName} ${loaded.lastName}`.trim() || loaded.email : '';
  return {
    ...readOf(loaded ? 'success' : user.status, loaded, user.error, user.retry),
    phase,
    progress: phase.kind === 'uploading' ? phase.progress : null,
    initials: initialsOf(loaded),
    displayName,
    limits,
    acceptedTypes: listTypes(limits.types, t),
    notice,
    isDragging: drop.isDragging,
    canUpload,
    canRemove,
    isBusy,
    select,
    openFilePicker: drop.openFilePicker,
    resize,
    confirmResized,
    discard,
    cancel: discard,
    retryUpload,
    remove: {
      run: runRemove,
      status: removeStatus,
      error: removeError,
      isPending: isRemoving,
      reset: () => {
        setRemoveStatus('idle');
        setRemoveError(null);
      },
    },
    getInputProps: drop.getInputProps,
    getDropzoneProps: drop.getDropzoneProps,
    getRootProps: drop.getRootProps,
  };
}
