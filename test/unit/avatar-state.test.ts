import { describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { avatarReducer, INITIAL_AVATAR_STATE, type AvatarState } from '../../src/hooks/avatar/avatar-state';

const file = new File([new Uint8Array([1, 2, 3])], 'me.png', { type: 'image/png' });

function run(...actions: Parameters<typeof avatarReducer>[1][]): AvatarState {
  return actions.reduce(avatarReducer, INITIAL_AVATAR_STATE);
}

describe('avatarReducer', () => {
  it('goes from checking to uploading to idle, saying the photo was uploaded', () => {
    const checking = run({ type: 'check', file });
    expect(checking.phase).toEqual({ kind: 'checking', file });
    const uploading = avatarReducer(checking, { type: 'upload', file });
    expect(uploading.phase).toEqual({ kind: 'uploading', file, progress: 0 });
    expect(avatarReducer(uploading, { type: 'uploaded' })).toEqual({ phase: { kind: 'idle' }, notice: 'uploaded' });
  });

  it('keeps progress between 0 and 1, and ignores progress when nothing uploads', () => {
    const uploading = run({ type: 'upload', file });
    expect(avatarReducer(uploading, { type: 'progress', fraction: 0.4 }).phase).toEqual({
      kind: 'uploading',
      file,
      progress: 0.4,
    });
    expect(avatarReducer(uploading, { type: 'progress', fraction: 7 }).phase).toMatchObject({ progress: 1 });
    expect(avatarReducer(uploading, { type: 'progress', fraction: -1 }).phase).toMatchObject({ progress: 0 });
    const idle = run({ type: 'discard' });
    expect(avatarReducer(idle, { type: 'progress', fraction: 0.5 })).toBe(idle);
  });

  it('a new file or a removal clears the last notice; discarding keeps it', () => {
    const uploaded = run({ type: 'upload', file }, { type: 'uploaded' });
    expect(avatarReducer(uploaded, { type: 'discard' }).notice).toBe('uploaded');
    expect(avatarReducer(uploaded, { type: 'check', file }).notice).toBeNull();
    expect(avatarReducer(uploaded, { type: 'remove' }).notice).toBeNull();
    expect(run({ type: 'remove' }, { type: 'removed' }).notice).toBe('removed');
  });

  it('keeps the file on rejection and failure, for Resize and Retry', () => {
    const rejected = run(
      { type: 'check', file },
      { type: 'reject', file, code: 'too_many_pixels', message: 'Too large', canResize: true },
    );
    expect(rejected.phase).toEqual({
      kind: 'rejected',
      file,
      code: 'too_many_pixels',
      message: 'Too large',
      canResize: true,
    });
    const error = new AccountError('network');
    const failed = run({ type: 'upload', file }, { type: 'fail', file, error, message: 'Failed' });
    expect(failed.phase).toEqual({ kind: 'failed', file, error, message: 'Failed' });
  });
});
