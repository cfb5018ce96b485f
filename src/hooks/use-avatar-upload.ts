import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithRef,
  type DragEvent,
  type RefCallback,
} from 'react';
import { isAbortError, toAccountError, type AccountError } from '../adapters/errors';
import type { AccountAdapter, User } from '../adapters/types';
import { initialsOf } from '../core/format/initials';
import { IMAGE_HEADER_MAX_BYTES, sniffImageType, type ImageType } from '../core/image/read-image-header';
import {
  formatFileSize,
  imageTypeName,
  isRoundingMisleading,
  validateAvatarFile,
  type AvatarLimits,
  type AvatarRejectionCode,
  type AvatarValidationResult,
} from '../core/image/validate-avatar-file';
import { describeError } from '../i18n/describe-error';
import { useOptionalAccount } from '../provider/account-context';
import { resizeImageToFit, type ResizedImage } from './avatar/resize-image';
import { mergeProps, type MergedProps } from './merge-props';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useResource, type ResourceStatus } from './use-resource';
import { useTranslate, type Translate } from './use-translate';
import * as defaultPreset from '../label-studio/default-preset';

const defaultAvatarLimits: AvatarLimits = defaultPreset.rules.avatar;

/** Where the uploader stands. */
export type AvatarPhase =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File }
  | { kind: 'rejected'; file: File; code: AvatarRejectionCode | 'resize_failed'; message: string; canResize: boolean }
  | { kind: 'resizing'; file: File }
  | { kind: 'confirming'; file: File; resized: ResizedImage; previewUrl: string }
  | { kind: 'uploading'; file: File; progress: number }
  | { kind: 'failed'; file: File; error: AccountError; message: string };

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
  onChange?: (user: User) => void;
}

/** What `useAvatarUpload` returns: state, actions and prop getters for an unstyled uploader. */
export interface UseAvatarUploadResult {
  /** Whether the user is loading, failed to load, or ready. */
  status: ResourceStatus;
  /** The signed-in user, once loaded. */
  user: User | undefined;
  /** Why loading the user failed, or `null`. */
  loadError: AccountError | null;
  /** Loads the user again. */
  retryLoad: () => void;
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
  notice: 'uploaded' | 'removed' | null;
  /** Why removing failed, or `null`. */
  removeError: AccountError | null;
  /** Whether a removal is under way. */
  isRemoving: boolean;
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
  retry: () => void;
  /** Removes the photo. */
  remove: () => Promise<boolean>;
  /** Props for the hidden `<input type="file">`, merged with the host's own (the host's handlers run first, refs are composed). */
  getInputProps: <P extends ComponentPropsWithRef<'input'>>(userProps?: P) => MergedProps<AvatarInputProps, P>;
  /** Props for the element that files can be dropped on, merged with the host's own (the host's handlers run first). */
  getDropzoneProps: <P extends ComponentPropsWithRef<'div'>>(userProps?: P) => MergedProps<AvatarDropzoneProps, P>;
  /** Props for the root element (pasting an image while focus is inside selects it), merged with the host's own. */
  getRootProps: <P extends ComponentPropsWithRef<'section'>>(userProps?: P) => MergedProps<AvatarRootProps, P>;
}

/** What `getInputProps` gives the hidden file input. */
export interface AvatarInputProps {
  ref: RefCallback<HTMLInputElement>;
  type: 'file';
  accept: string;
  tabIndex: -1;
  hidden: true;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** What `getDropzoneProps` gives the element files can be dropped on. */
export interface AvatarDropzoneProps {
  onDragEnter: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  'data-dragging': '' | undefined;
}

/** What `getRootProps` gives the root element. */
export interface AvatarRootProps {
  onPaste: (event: ClipboardEvent) => void;
}

const MIME_TYPES: Record<ImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Lists type names in the catalogue's words: "PNG, JPEG or GIF". */
function listTypes(types: readonly string[], t: Translate): string {
  const names = types.map(imageTypeName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t('avatar.or')} ${names[names.length - 1]}`;
}

function describeRejection(
  result: Extract<AvatarValidationResult, { ok: false }>,
  t: Translate,
  locale: string,
): string {
  const { details } = result;
  const { limits } = details;
  switch (result.code) {
    case 'too_many_bytes':
      return isRoundingMisleading(details.size, limits.maxBytes)
        ? t('avatar.tooManyBytesExact', {
            bytes: details.size,
            limit: formatFileSize(limits.maxBytes, locale),
            limitBytes: limits.maxBytes,
          })
        : t('avatar.tooManyBytes', {
            size: formatFileSize(details.size, locale),
            limit: formatFileSize(limits.maxBytes, locale),
          });
    case 'too_many_pixels':
      // Pixel sizes as plain digits ("1200 × 1200 px"), not grouped like counts.
      return t('avatar.tooManyPixels', {
        width: String(details.width ?? 0),
        height: String(details.height ?? 0),
        maxWidth: String(limits.maxWidth),
        maxHeight: String(limits.maxHeight),
      });
    case 'unsupported_type':
      return t('avatar.unsupportedType', {
        type: imageTypeName(details.type ?? ''),
        types: listTypes(limits.types, t),
      });
    case 'unreadable':
      return t('avatar.unreadable');
  }
}

function decodedSize(file: Blob): Promise<{ width: number; height: number } | null> {
  if (typeof createImageBitmap !== 'function') return Promise.resolve(null);
  return createImageBitmap(file).then(
    (bitmap) => {
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    },
    () => null,
  );
}

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

  const user = useResource((signal) => adapter.getCurrentUser({ signal }), [adapter]);
  const [phase, setPhase] = useState<AvatarPhase>({ kind: 'idle' });
  const [notice, setNotice] = useState<'uploaded' | 'removed' | null>(null);
  const [removeError, setRemoveError] = useState<AccountError | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const [isDragging, setIsDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const onChangeRef = useRef(options.onChange);
  useEffect(() => {
    onChangeRef.current = options.onChange;
  });

  const canUpload = typeof adapter.uploadAvatar === 'function';
  const canRemove = typeof adapter.removeAvatar === 'function' && Boolean(user.data?.avatarUrl);
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
    setNotice(null);
    setPhase({ kind: 'uploading', file, progress: 0 });
    try {
      const updated = await uploadAvatar.call(adapter, file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (!controller.signal.aborted)
            setPhase({ kind: 'uploading', file, progress: Math.min(1, Math.max(0, fraction)) });
        },
      });
      if (controller.signal.aborted) return;
      setUserData(updated);
      setPhase({ kind: 'idle' });
      setNotice('uploaded');
      onChangeRef.current?.(updated);
    } catch (reason) {
      if (controller.signal.aborted || isAbortError(reason)) return;
      const error = toAccountError(reason);
      // The server's own words about the file are the most precise reason there is.
      const detail = error.fieldErrors?.avatar?.[0] ?? describeError(error, t);
      setPhase({ kind: 'failed', file, error, message: t('avatar.uploadFailed', { reason: detail }) });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }

  async function select(file: File | null | undefined) {
    if (!file || !canUpload) return;
    const controller = begin();
    setNotice(null);
    setPhase({ kind: 'checking', file });
    const checkLimits = limits;
    const head = new Uint8Array(await file.slice(0, IMAGE_HEADER_MAX_BYTES).arrayBuffer());
    let result = validateAvatarFile({ size: file.size, bytes: head }, checkLimits);
    const sniffed = sniffImageType(head);
    const isAcceptedType = sniffed !== null && (checkLimits.types as readonly string[]).includes(sniffed);
    if (!result.ok && result.code === 'unreadable' && isAcceptedType) {
      // The header can't tell (a frame past the first 64 KiB, say): let the browser decode it.
      const size = await decodedSize(file);
      if (size && (size.width > maxWidth || size.height > maxHeight)) {
        result = {
          ok: false,
          code: 'too_many_pixels',
          message: '',
          details: { size: file.size, limits: checkLimits, type: sniffed, ...size },
        };
      } else if (size) {
        result = { ok: true, type: sniffed as ImageType, ...size };
      }
    }
    if (controller.signal.aborted) return;
    if (result.ok) {
      await upload(file);
      return;
    }
    const canResize = isAcceptedType && (result.code === 'too_many_pixels' || result.code === 'too_many_bytes');
    setPhase({ kind: 'rejected', file, code: result.code, message: describeRejection(result, t, locale), canResize });
  }

  async function resize() {
    if (phase.kind !== 'rejected' || !phase.canResize) return;
    const { file } = phase;
    const controller = begin();
    setPhase({ kind: 'resizing', file });
    try {
      const resized = await resizeImageToFit(file, file.name, { maxWidth, maxHeight, maxBytes }, controller.signal);
      if (controller.signal.aborted) return;
      setPhase({ kind: 'confirming', file, resized, previewUrl: URL.createObjectURL(resized.file) });
    } catch (reason) {
      if (controller.signal.aborted || isAbortError(reason)) return;
      setPhase({ kind: 'rejected', file, code: 'resize_failed', message: t('avatar.resizeFailed'), canResize: false });
    }
  }

  function confirmResized() {
    if (phase.kind === 'confirming') void upload(phase.resized.file);
  }

  function discard() {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setPhase({ kind: 'idle' });
  }

  function retry() {
    if (phase.kind === 'failed') void upload(phase.file);
  }

  async function remove(): Promise<boolean> {
    const removeAvatar = adapter.removeAvatar;
    if (!removeAvatar || isRemoving) return false;
    const controller = begin();
    setIsRemoving(true);
    setRemoveError(null);
    setNotice(null);
    try {
      const updated = await removeAvatar.call(adapter, { signal: controller.signal });
      if (controller.signal.aborted) return false;
      setUserData(updated);
      setNotice('removed');
      onChangeRef.current?.(updated);
      return true;
    } catch (reason) {
      if (!controller.signal.aborted && !isAbortError(reason)) setRemoveError(toAccountError(reason));
      return false;
    } finally {
      if (!controller.signal.aborted) setIsRemoving(false);
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }

  const isBusy = phase.kind === 'uploading' || phase.kind === 'resizing' || phase.kind === 'checking' || isRemoving;

  const displayName = user.data ? `${user.data.firstName} ${user.data.lastName}`.trim() || user.data.email : '';
  return {
    status: user.data ? 'success' : user.status,
    user: user.data,
    loadError: user.error,
    retryLoad: user.retry,
    phase,
    progress: phase.kind === 'uploading' ? phase.progress : null,
    initials: initialsOf(user.data),
    displayName,
    limits,
    acceptedTypes: listTypes(limits.types, t),
    notice,
    removeError,
    isRemoving,
    isDragging,
    canUpload,
    canRemove,
    isBusy,
    select,
    openFilePicker: () => inputRef.current?.click(),
    resize,
    confirmResized,
    discard,
    cancel: discard,
    retry,
    remove,
    getInputProps: (userProps) =>
      mergeProps<AvatarInputProps, NonNullable<typeof userProps>>(
        {
          ref: (element) => {
            inputRef.current = element;
          },
          type: 'file',
          accept: limits.types.map((type) => MIME_TYPES[type]).join(','),
          tabIndex: -1,
          hidden: true,
          onChange: (event) => {
            const file = event.target.files?.[0];
            // Clear the input so that choosing the same file again still fires a change.
            event.target.value = '';
            if (!isBusy) void select(file);
          },
        },
        userProps,
      ),
    getDropzoneProps: (userProps) =>
      mergeProps<AvatarDropzoneProps, NonNullable<typeof userProps>>(
        {
          onDragEnter: (event) => {
            if (!canUpload || isBusy) return;
            event.preventDefault();
            setIsDragging(true);
          },
          onDragOver: (event) => {
            if (!canUpload || isBusy) return;
            // Without preventDefault the browser refuses the drop.
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          },
          onDragLeave: (event) => {
            if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
            setIsDragging(false);
          },
          onDrop: (event) => {
            event.preventDefault();
            setIsDragging(false);
            if (!isBusy) void select(event.dataTransfer.files[0]);
          },
          'data-dragging': isDragging ? '' : undefined,
        },
        userProps,
      ),
    getRootProps: (userProps) =>
      mergeProps<AvatarRootProps, NonNullable<typeof userProps>>(
        {
          onPaste: (event) => {
            const file = Array.from(event.clipboardData.files).find((item) => item.type.startsWith('image/'));
            if (!file || isBusy) return;
            event.preventDefault();
            void select(file);
          },
        },
        userProps,
      ),
  };
}
