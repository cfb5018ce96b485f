import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { withFaults } from '../../src/adapters/memory';
import type { AccountAdapter, ProfilePatch, RequestOptions, UploadOptions, User } from '../../src/adapters/types';

/** A hand-written backend, not the memory adapter: a class whose methods live on its prototype and use `this`. */
class HandWrittenBackend implements AccountAdapter {
  readonly apiBaseUrl = 'https://api.example.test';
  private user: User = {
    id: '7',
    email: 'ada@example.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '',
    avatarUrl: null,
  };

  async getCurrentUser(): Promise<User> {
    return { ...this.user };
  }

  async updateProfile(patch: ProfilePatch, _options?: RequestOptions): Promise<User> {
    this.user = { ...this.user, ...patch };
    return { ...this.user };
  }

  async uploadAvatar(_file: Blob, options: UploadOptions = {}): Promise<User> {
    options.onProgress?.(0.5);
    options.onProgress?.(1);
    this.user = { ...this.user, avatarUrl: 'https://cdn.example.test/ada.png' };
    return { ...this.user };
  }
}

/** Whether a promise has settled, as far as the test can tell after pending timers ran. */
function track<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  tracked.catch(() => {});
  return { settled: () => settled, promise: tracked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('withFaults around an adapter that is not the memory adapter', () => {
  it('passes calls through with their arguments, and keeps the adapter’s facts and its missing methods', async () => {
    const adapter = withFaults(new HandWrittenBackend(), {});
    expect(await adapter.updateProfile({ firstName: 'Grace' })).toMatchObject({ firstName: 'Grace' });
    expect((await adapter.getCurrentUser()).firstName).toBe('Grace');
    expect(adapter.apiBaseUrl).toBe('https://api.example.test');
    expect('getHotkeys' in adapter).toBe(false);
    expect((adapter as AccountAdapter).getHotkeys).toBeUndefined();
  });

  it('fails the chosen method with its code and HTTP status, and leaves the adapter’s data alone', async () => {
    const adapter = withFaults(new HandWrittenBackend(), { fail: { updateProfile: 'conflict' } });
    await expect(adapter.updateProfile({ firstName: 'Grace' })).rejects.toMatchObject({
      name: 'AccountError',
      code: 'conflict',
      status: 409,
    });
    expect((await adapter.getCurrentUser()).firstName).toBe('Ada');
  });

  it('fails every method with one code, or a method with a ready error as it is', async () => {
    const everywhere = withFaults(new HandWrittenBackend(), { fail: 'rate_limited' });
    await expect(everywhere.getCurrentUser()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 1000 });
    const error = new AccountError('forbidden', 'Not on Sundays.');
    const one = withFaults(new HandWrittenBackend(), { fail: { getCurrentUser: error } });
    await expect(one.getCurrentUser()).rejects.toBe(error);
  });

  it('makes a call take its latency, and a signal fired meanwhile cancels it before the adapter sees it', async () => {
    vi.useFakeTimers();
    const adapter = withFaults(new HandWrittenBackend(), { latencyMs: { getCurrentUser: 300, updateProfile: 300 } });
    const read = track(adapter.getCurrentUser());
    await vi.advanceTimersByTimeAsync(299);
    expect(read.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(read.settled()).toBe(true);
    await expect(read.promise).resolves.toMatchObject({ firstName: 'Ada' });

    const controller = new AbortController();
    const save = track(adapter.updateProfile({ firstName: 'Grace' }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(save.promise).rejects.toMatchObject({ code: 'aborted' });
    const after = adapter.getCurrentUser();
    await vi.advanceTimersByTimeAsync(300);
    expect((await after).firstName).toBe('Ada');
  });

  it('reports a slow upload’s wait as progress in ten steps, never going back', async () => {
    vi.useFakeTimers();
    const adapter = withFaults(new HandWrittenBackend(), { latencyMs: 1000 });
    const progress: number[] = [];
    const upload = adapter.uploadAvatar(new Blob(['x']), { onProgress: (fraction) => progress.push(fraction) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await upload).toMatchObject({ avatarUrl: 'https://cdn.example.test/ada.png' });
    expect(progress).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('leaves an upload’s own progress as it is when the upload has no latency', async () => {
    const adapter = withFaults(new HandWrittenBackend(), { latencyMs: { getCurrentUser: 50 } });
    const progress: number[] = [];
    await adapter.uploadAvatar(new Blob(['x']), { onProgress: (fraction) => progress.push(fraction) });
    expect(progress).toEqual([0.5, 1]);
  });
});
