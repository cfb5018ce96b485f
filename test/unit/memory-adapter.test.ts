import { describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, createSeedMembers, withoutMethods } from '../../src/adapters/memory';
import { makePng } from '../../src/testing/image-fixtures';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('createMemoryAdapter', () => {
  it('keeps changes in storage, so a new adapter on the same storage sees them', async () => {
    const storage = memoryStorage();
    await createMemoryAdapter({ storage }).updateProfile({ firstName: 'Grace' });
    await createMemoryAdapter({ storage }).saveHotkeys({ 'annotation:undo': { key: 'ctrl+u' } });
    const reloaded = createMemoryAdapter({ storage });
    expect((await reloaded.getCurrentUser()).firstName).toBe('Grace');
    expect(await reloaded.getHotkeys()).toEqual({ 'annotation:undo': { key: 'ctrl+u' } });
  });

  it('never writes a token secret to storage', async () => {
    const storage = memoryStorage();
    const adapter = createMemoryAdapter({ storage });
    const created = await adapter.createPersonalToken({});
    const legacy = await adapter.getLegacyToken();
    const renewed = await adapter.renewLegacyToken();
    const stored = [...storage.items.values()].join('\n');
    expect(stored).toContain(created.info.id);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(legacy.token);
    expect(stored).not.toContain(renewed.token);
  });

  it('reads data stored before projects existed, keeping it, with the seeded projects', async () => {
    const storage = memoryStorage();
    await createMemoryAdapter({ storage }).saveHotkeys({ 'annotation:undo': { key: 'ctrl+u' } });
    const stored = JSON.parse(storage.getItem('react-account-settings')!);
    delete stored.state.projects;
    delete stored.state.projectHotkeys;
    storage.setItem('react-account-settings', JSON.stringify(stored));
    const reloaded = createMemoryAdapter({ storage });
    expect(await reloaded.getHotkeys()).toEqual({ 'annotation:undo': { key: 'ctrl+u' } });
    const { items } = await reloaded.listProjects();
    expect(items.map((project) => project.title)).toContain('Invoices');
    const override = { 'annotation:undo': { key: 'ctrl+shift+u' } };
    await reloaded.saveHotkeys(override, { projectId: items[0]!.id });
    expect(await createMemoryAdapter({ storage }).getHotkeys({ projectId: items[0]!.id })).toEqual(override);
  });

  it('starts from the seed when storage holds something unreadable', async () => {
    const storage = memoryStorage();
    storage.setItem('react-account-settings', '{not json');
    expect((await createMemoryAdapter({ storage }).getCurrentUser()).firstName).toBe('Heidi');
  });

  it('rolls a change back when storage is full', async () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const adapter = createMemoryAdapter({ storage });
    await expect(adapter.updateProfile({ firstName: 'Grace' })).rejects.toMatchObject({ code: 'server' });
    expect((await adapter.getCurrentUser()).firstName).toBe('Heidi');
  });

  it('fails every method with one code', async () => {
    const adapter = createMemoryAdapter({ fail: 'unauthorized' });
    await expect(adapter.getCurrentUser()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(adapter.getHotkeys()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('fails one method with a given error and leaves the others working', async () => {
    const error = new AccountError('rate_limited', 'Slow down', { retryAfterMs: 5000 });
    const adapter = createMemoryAdapter({ fail: { updateProfile: error, getMembership: 'server' } });
    await expect(adapter.updateProfile({ firstName: 'x' })).rejects.toBe(error);
    await expect(adapter.getMembership()).rejects.toMatchObject({ code: 'server', status: 500 });
    expect((await adapter.getCurrentUser()).firstName).toBe('Heidi');
  });

  it('reports upload progress in steps when it has latency, and can be cancelled part way', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 100 });
    const progress: number[] = [];
    const controller = new AbortController();
    const upload = adapter.uploadAvatar(new Blob([makePng(20, 20) as Uint8Array<ArrayBuffer>]), {
      signal: controller.signal,
      onProgress: (fraction) => {
        progress.push(fraction);
        if (fraction >= 0.3) controller.abort();
      },
    });
    await expect(upload).rejects.toMatchObject({ code: 'aborted' });
    expect(progress.slice(0, 3)).toEqual([0.1, 0.2, 0.3]);
    expect((await adapter.getCurrentUser()).avatarUrl).toBeNull();
  });

  it('stores an uploaded photo as a data URL of its detected type', async () => {
    const adapter = createMemoryAdapter();
    const user = await adapter.uploadAvatar(
      new Blob([makePng(2, 2) as Uint8Array<ArrayBuffer>], { type: 'image/gif' }),
    );
    expect(user.avatarUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('allows more personal tokens when the seed says so', async () => {
    const adapter = createMemoryAdapter({
      seed: { tokenSettings: { personalTokensEnabled: true, legacyTokenEnabled: true, maxActivePersonalTokens: null } },
    });
    await adapter.createPersonalToken({});
    await adapter.createPersonalToken({});
    expect(await adapter.listPersonalTokens()).toHaveLength(2);
  });

  it('refuses tokens the organization disabled', async () => {
    const adapter = createMemoryAdapter({
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: false, maxActivePersonalTokens: 1 } },
    });
    await expect(adapter.createPersonalToken({})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(adapter.getLegacyToken()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pages through many seeded members, sorted by email', async () => {
    const adapter = createMemoryAdapter({ seed: { members: createSeedMembers(10_000) } });
    const page = await adapter.listMembers({ page: 100, pageSize: 100 });
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(100);
    const emails = page.items.map((member) => member.email);
    expect([...emails].sort((a, b) => a.localeCompare(b))).toEqual(emails);
    expect((await adapter.listMembers({ page: 101, pageSize: 100 })).items).toEqual([]);
  });

  it('refuses a page size over 100', async () => {
    await expect(createMemoryAdapter().listMembers({ page: 1, pageSize: 101 })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('reports the expiry of a token created for a number of days', async () => {
    const adapter = createMemoryAdapter();
    const { info } = await adapter.createPersonalToken({ expiresInDays: 30 });
    const days = (Date.parse(info.expiresAt!) - Date.parse(info.createdAt!)) / 86_400_000;
    expect(days).toBe(30);
    await adapter.revokePersonalToken(info.id);
    await expect(adapter.createPersonalToken({ expiresInDays: 0 })).rejects.toMatchObject({ code: 'validation' });
  });

  it('returns copies, so callers cannot change its data by accident', async () => {
    const adapter = createMemoryAdapter();
    const user = await adapter.getCurrentUser();
    user.firstName = 'Mallory';
    expect((await adapter.getCurrentUser()).firstName).toBe('Heidi');
  });

  it('leaves out methods with withoutMethods, keeping getCurrentUser', () => {
    const adapter = withoutMethods(createMemoryAdapter(), ['removeAvatar', 'getCurrentUser']);
    expect(adapter.removeAvatar).toBeUndefined();
    expect(adapter.uploadAvatar).toBeTypeOf('function');
    expect(adapter.getCurrentUser).toBeTypeOf('function');
  });
});
