import type { AccountError } from '../../adapters/errors';
import type { AvatarRejectionCode } from '../../core/image/validate-avatar-file';
import type { ResizedImage } from './resize-image';

/** Where the uploader stands. */
export type AvatarPhase =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File }
  | {
      kind: 'rejected';
      file: File;
      code: AvatarRejectionCode | 'damaged' | 'resize_failed';
      message: string;
      canResize: boolean;
    }
  | { kind: 'resizing'; file: File }
  | { kind: 'confirming'; file: File; resized: ResizedImage; previewUrl: string }
  | { kind: 'uploading'; file: File; progress: number }
  | { kind: 'failed'; file: File; error: AccountError; message: string };

/** What happened last, for a status message. */
export type AvatarNotice = 'uploaded' | 'removed' | null;

/** The uploader's whole state: the chosen file's phase and the last notice. */
export interface AvatarState {
  phase: AvatarPhase;
  notice: AvatarNotice;
}

/** The steps the uploader takes; each one is a transition of `avatarReducer`. */
export type AvatarAction =
  | { type: 'check'; file: File }
  | {
      type: 'reject';
      file: File;
      code: AvatarRejectionCode | 'damaged' | 'resize_failed';
      message: string;
      canResize: boolean;
    }
  | { type: 'resize'; file: File }
  | { type: 'resized'; file: File; resized: ResizedImage; previewUrl: string }
  | { type: 'upload'; file: File }
  | { type: 'progress'; fraction: number }
  | { type: 'uploaded' }
  | { type: 'fail'; file: File; error: AccountError; message: string }
  | { type: 'discard' }
  | { type: 'remove' }
  | { type: 'removed' };

/** Where a fresh uploader starts. */
export const INITIAL_AVATAR_STATE: AvatarState = { phase: { kind: 'idle' }, notice: null };

/**
 * The uploader's transitions, pure: a new file or a removal clears the last notice, progress
 * counts only while uploading (kept between 0 and 1), and a finished upload goes back to idle.
 */
export function avatarReducer(state: AvatarState, action: AvatarAction): AvatarState {
  switch (action.type) {
    case 'check':
      return { phase: { kind: 'checking', file: action.file }, notice: null };
    case 'reject': {
      const { file, code, message, canResize } = action;
      return { ...state, phase: { kind: 'rejected', file, code, message, canResize } };
    }
    case 'resize':
      return { ...state, phase: { kind: 'resizing', file: action.file } };
    case 'resized': {
      const { file, resized, previewUrl } = action;
      return { ...state, phase: { kind: 'confirming', file, resized, previewUrl } };
    }
    case 'upload':
      return { phase: { kind: 'uploading', file: action.file, progress: 0 }, notice: null };
    case 'progress':
      if (state.phase.kind !== 'uploading') return state;
      return { ...state, phase: { ...state.phase, progress: Math.min(1, Math.max(0, action.fraction)) } };
    case 'uploaded':
      return { phase: { kind: 'idle' }, notice: 'uploaded' };
    case 'fail': {
      const { file, error, message } = action;
      return { ...state, phase: { kind: 'failed', file, error, message } };
    }
    case 'discard':
      return { ...state, phase: { kind: 'idle' } };
    case 'remove':
      return { ...state, notice: null };
    case 'removed':
      return { ...state, notice: 'removed' };
  }
}
