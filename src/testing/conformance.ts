import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAccountError, type AccountError, type AccountErrorCode } from '../adapters/errors';
import { ADAPTER_METHOD_GROUPS, type AccountAdapter, type AdapterMethodGroup } from '../adapters/types';
import { makeBmp, makePng } from './image-fixtures';

/** How to run the conformance suite against an adapter. */
export interface AdapterConformanceOptions<A extends AccountAdapter = AccountAdapter> {
  /**
   * Makes a fresh adapter for each test: signed in, both token kinds enabled, no personal
   * tokens, no hotkey overrides, one email preference, and at least two members.
   */
  createAdapter: () => A | Promise<A>;
  /** Releases what `createAdapter` made, after each test. */
  destroyAdapter?: (adapter: A) => void | Promise<void>;
  /** The method groups the backend serves; methods of the others must be absent. @default every group */
  groups?: readonly AdapterMethodGroup[];
}

type Method<K extends keyof AccountAdapter> = NonNullable<AccountAdapter[K]>;

/** Awaits a promise that must reject with an AccountError of one of the given codes. */
async function expectAccountError(
  promise: Promise<unknown>,
  codes: readonly AccountErrorCode[],
): Promise<AccountError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have been rejected').toBeDefined();
  expect(isAccountError(caught), `expected an AccountError, got ${String(caught)}`).toBe(true);
  const error = caught as AccountError;
  expect(codes).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

function pngFile(width: number, height: number): Blob {
  return new Blob([makePng(width, height) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

/**
 * Registers a Vitest suite that checks an adapter against the contract: a round trip for
 * every method, replace semantics of `saveHotkeys`, show-once personal tokens, error codes for
 * bad input, and aborting through `signal`.
 *
 * @example
 * // adapter.conformance.test.ts
 * import { describeAdapterConformance } from 'react-account-settings/testing';
 * describeAdapterConformance('my adapter', { createAdapter: () => createMyAdapter(testServerUrl) });
 */
export function describeAdapterConformance<A extends AccountAdapter>(
  name: string,
  options: AdapterConformanceOptions<A>,
): void {
  const groups = new Set<AdapterMethodGroup>(
    options.groups ?? (Object.keys(ADAPTER_METHOD_GROUPS) as AdapterMethodGroup[]),
  );

  describe(`${name}: adapter conformance`, () => {
    let adapter: A;

    beforeEach(async () => {
      adapter = await options.createAdapter();
    });

    afterEach(async () => {
      await options.destroyAdapter?.(adapter);
    });

    /** The method, which the test's group says the adapter has. */
    function method<K extends keyof AccountAdapter>(key: K): Method<K> {
      const fn = adapter[key];
      expect(typeof fn, `adapter.${String(key)} should be a function`).toBe('function');
      return (fn as (...args: unknown[]) => unknown).bind(adapter) as Method<K>;
    }

    for (const group of Object.keys(ADAPTER_METHOD_GROUPS) as AdapterMethodGroup[]) {
      if (groups.has(group)) continue;
      it(`leaves out every ${group} method, as declared`, () => {
        for (const key of ADAPTER_METHOD_GROUPS[group]) {
          if (key === 'getCurrentUser') continue;
          expect(adapter[key], `adapter.${key} should be absent`).toBeUndefined();
        }
      });
    }

    describe('profile', () => {
      it('reads the signed-in user', async () => {
        const user = await method('getCurrentUser')();
        expect(typeof user.id).toBe('string');
        expect(user.id.length).toBeGreaterThan(0);
        expect(user.email).toContain('@');
        expect(typeof user.firstName).toBe('string');
        expect(typeof user.lastName).toBe('string');
        expect(typeof user.phone).toBe('string');
      });

      if (!groups.has('profile')) return;

      it('saves a profile change and reads it back', async () => {
        const updated = await method('updateProfile')({
          firstName: 'Grace',
          lastName: 'Hopper',
          phone: '+1 (555) 010-2030',
        });
        expect(updated).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', phone: '+1 (555) 010-2030' });
        expect(await method('getCurrentUser')()).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });
      });

      it('changes only the fields in the patch', async () => {
        const before = await method('getCurrentUser')();
        await method('updateProfile')({ phone: '555 0100' });
        const after = await method('getCurrentUser')();
        expect(after).toMatchObject({
          firstName: before.firstName,
          lastName: before.lastName,
          email: before.email,
          phone: '555 0100',
        });
      });

      it('trims surrounding spaces', async () => {
        const updated = await method('updateProfile')({ firstName: '  Ada  ' });
        expect(updated.firstName).toBe('Ada');
      });

      it('accepts 256 characters in a field', async () => {
        const updated = await method('updateProfile')({ lastName: 'x'.repeat(256) });
        expect(updated.lastName).toHaveLength(256);
      });

      it('refuses 257 characters with a field error and keeps the old value', async () => {
        const before = await method('getCurrentUser')();
        const error = await expectAccountError(method('updateProfile')({ firstName: 'x'.repeat(257) }), ['validation']);
        expect(error.fieldErrors?.firstName?.length).toBeGreaterThan(0);
        expect((await method('getCurrentUser')()).firstName).toBe(before.firstName);
      });
    });

    if (groups.has('avatar')) {
      describe('avatar', () => {
        it('uploads a photo and reports progress up to 1', async () => {
          const progress: number[] = [];
          const user = await method('uploadAvatar')(pngFile(64, 48), {
            onProgress: (fraction) => progress.push(fraction),
          });
          expect(user.avatarUrl).toEqual(expect.any(String));
          expect((await method('getCurrentUser')()).avatarUrl).toBe(user.avatarUrl);
          expect(progress.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true);
          expect(progress.at(-1)).toBe(1);
        });

        it('removes the photo', async () => {
          await method('uploadAvatar')(pngFile(16, 16));
          const user = await method('removeAvatar')();
          expect(user.avatarUrl).toBeNull();
          expect((await method('getCurrentUser')()).avatarUrl).toBeNull();
        });

        it('refuses a file over 1024 KB', async () => {
          const big = new Uint8Array(1024 * 1024 + 1);
          big.set(makePng(10, 10));
          await expectAccountError(method('uploadAvatar')(new Blob([big], { type: 'image/png' })), [
            'too_large',
            'validation',
          ]);
          expect((await method('getCurrentUser')()).avatarUrl).toBeNull();
        });

        it('refuses an image wider than 1200 px', async () => {
          await expectAccountError(method('uploadAvatar')(pngFile(1201, 10)), ['validation']);
        });

        it('refuses a BMP even when it claims to be a PNG', async () => {
          const bmp = new Blob([makeBmp(8, 8) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
          await expectAccountError(method('uploadAvatar')(bmp), ['validation']);
        });
      });
    }

    if (groups.has('email')) {
      describe('email preferences', () => {
        it('lists preferences with ids and on/off states', async () => {
          const preferences = await method('getEmailPreferences')();
          expect(preferences.length).toBeGreaterThan(0);
          for (const preference of preferences) {
            expect(typeof preference.id).toBe('string');
            expect(typeof preference.enabled).toBe('boolean');
          }
        });

        it('switches a preference and reads it back', async () => {
          const [first] = await method('getEmailPreferences')();
          const updated = await method('updateEmailPreferences')({ [first!.id]: !first!.enabled });
          expect(updated.find((p) => p.id === first!.id)?.enabled).toBe(!first!.enabled);
          const reread = await method('getEmailPreferences')();
          expect(reread.find((p) => p.id === first!.id)?.enabled).toBe(!first!.enabled);
        });
      });
    }

    if (groups.has('membership')) {
      describe('membership', () => {
        it('reads the membership of the signed-in user', async () => {
          const [user, membership] = await Promise.all([method('getCurrentUser')(), method('getMembership')()]);
          expect(membership.userId).toBe(user.id);
          if (membership.annotationsCount !== undefined) expect(membership.annotationsCount).toBeGreaterThanOrEqual(0);
          if (membership.organization !== undefined) expect(membership.organization.title.length).toBeGreaterThan(0);
        });
      });
    }

    if (groups.has('tokens')) {
      describe('tokens', () => {
        it('reads the token settings', async () => {
          const settings = await method('getTokenSettings')();
          expect(settings).toMatchObject({ personalTokensEnabled: true, legacyTokenEnabled: true });
          expect(settings.maxActivePersonalTokens === null || settings.maxActivePersonalTokens >= 1).toBe(true);
        });

        it('creates a personal token and lists it without its secret', async () => {
          const created = await method('createPersonalToken')({});
          expect(created.token.length).toBeGreaterThanOrEqual(16);
          const listed = await method('listPersonalTokens')();
          expect(listed.map((token) => token.id)).toContain(created.info.id);
          expect(JSON.stringify(listed)).not.toContain(created.token);
          // The listed prefix is a part of the token that tells it apart, never the secret itself.
          const shown = created.info.prefix.replaceAll('…', '');
          expect(shown.length).toBeGreaterThan(0);
          expect(created.token).toContain(shown);
          expect(shown.length).toBeLessThan(created.token.length);
        });

        it('never returns a secret again after creation', async () => {
          const created = await method('createPersonalToken')({});
          const again = await Promise.all([
            method('listPersonalTokens')(),
            method('getTokenSettings')(),
            method('getCurrentUser')(),
          ]);
          expect(JSON.stringify(again)).not.toContain(created.token);
        });

        it('refuses a token over the active limit with a conflict', async () => {
          const { maxActivePersonalTokens: max } = await method('getTokenSettings')();
          const limit = max ?? 3;
          for (let i = 0; i < limit; i++) await method('createPersonalToken')({});
          if (max === null) {
            expect(await method('listPersonalTokens')()).toHaveLength(limit);
          } else {
            await expectAccountError(method('createPersonalToken')({}), ['conflict']);
            expect(await method('listPersonalTokens')()).toHaveLength(max);
          }
        });

        it('revokes a token, which frees its place', async () => {
          const created = await method('createPersonalToken')({});
          await method('revokePersonalToken')(created.info.id);
          expect((await method('listPersonalTokens')()).map((token) => token.id)).not.toContain(created.info.id);
          const next = await method('createPersonalToken')({});
          expect(next.token).not.toBe(created.token);
        });

        it('answers not_found for revoking an unknown token', async () => {
          await expectAccountError(method('revokePersonalToken')('no-such-token'), ['not_found']);
        });

        it('reads the same legacy token twice', async () => {
          const first = await method('getLegacyToken')();
          expect(first.token.length).toBeGreaterThanOrEqual(16);
          expect((await method('getLegacyToken')()).token).toBe(first.token);
        });

        it('renews the legacy token to a new value', async () => {
          const old = await method('getLegacyToken')();
          const renewed = await method('renewLegacyToken')();
          expect(renewed.token).not.toBe(old.token);
          expect((await method('getLegacyToken')()).token).toBe(renewed.token);
        });
      });
    }

    if (groups.has('hotkeys')) {
      describe('hotkeys', () => {
        it('starts with no overrides', async () => {
          expect(await method('getHotkeys')()).toEqual({});
        });

        it('saves overrides and reads them back', async () => {
          const overrides = {
            'annotation:submit': { key: 'ctrl+shift+enter', active: true },
            'tools:tool:rect': { key: 'r', active: false, description: 'Rectangle' },
          };
          expect(await method('saveHotkeys')(overrides)).toEqual(overrides);
          expect(await method('getHotkeys')()).toEqual(overrides);
        });

        it('replaces the whole map on save (no merge)', async () => {
          await method('saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' }, 'annotation:redo': { key: 'ctrl+y' } });
          await method('saveHotkeys')({ 'annotation:redo': { key: 'ctrl+shift+y' } });
          const stored = await method('getHotkeys')();
          expect(Object.keys(stored)).toEqual(['annotation:redo']);
          expect(stored['annotation:redo']?.key).toBe('ctrl+shift+y');
        });

        it('clears every override when saving an empty map', async () => {
          await method('saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' } });
          await method('saveHotkeys')({});
          expect(await method('getHotkeys')()).toEqual({});
        });

        it('refuses a reserved combo and keeps the stored map', async () => {
          await method('saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' } });
          await expectAccountError(method('saveHotkeys')({ 'annotation:undo': { key: 'alt+f4' } }), ['validation']);
          expect(await method('getHotkeys')()).toEqual({ 'annotation:undo': { key: 'ctrl+u' } });
        });

        it('refuses an id without a section', async () => {
          await expectAccountError(method('saveHotkeys')({ submit: { key: 'ctrl+enter' } }), ['validation']);
        });

        it('refuses a key longer than 50 characters', async () => {
          await expectAccountError(method('saveHotkeys')({ 'annotation:submit': { key: `ctrl+${'a'.repeat(50)}` } }), [
            'validation',
          ]);
        });

        it('refuses more than 200 overrides', async () => {
          const many = Object.fromEntries(
            Array.from({ length: 201 }, (_, i) => [`section:action-${i}`, { key: 'ctrl+k' }]),
          );
          await expectAccountError(method('saveHotkeys')(many), ['validation']);
          expect(await method('getHotkeys')()).toEqual({});
        });

        it('refuses an "active" flag that is not true or false', async () => {
          const bad = { 'annotation:submit': { key: 'ctrl+enter', active: 'yes' } } as unknown as Record<
            string,
            { key: string }
          >;
          await expectAccountError(method('saveHotkeys')(bad), ['validation']);
        });
      });
    }

    if (groups.has('people')) {
      describe('people', () => {
        it('lists a page of members with the total', async () => {
          const page = await method('listMembers')({ page: 1, pageSize: 1 });
          expect(page.items).toHaveLength(1);
          expect(page.total).toBeGreaterThanOrEqual(2);
          expect(page.items[0]!.email).toContain('@');
        });

        it('pages through members without repeating any', async () => {
          const first = await method('listMembers')({ page: 1, pageSize: 1 });
          const second = await method('listMembers')({ page: 2, pageSize: 1 });
          expect(second.items).toHaveLength(1);
          expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
          expect(second.total).toBe(first.total);
        });

        it('finds members by email', async () => {
          const { items } = await method('listMembers')({ page: 1, pageSize: 2 });
          const target = items[1]!;
          const found = await method('listMembers')({ page: 1, pageSize: 30, search: target.email });
          expect(found.items.map((member) => member.id)).toContain(target.id);
          expect(found.items.every((member) => member.email.toLowerCase().includes(target.email.toLowerCase()))).toBe(
            true,
          );
        });

        it("reads a member's details", async () => {
          const { items } = await method('listMembers')({ page: 1, pageSize: 1 });
          const details = await method('getMember')(items[0]!.id);
          expect(details).toMatchObject({ id: items[0]!.id, email: items[0]!.email });
          expect(Array.isArray(details.createdProjects)).toBe(true);
          expect(Array.isArray(details.contributedProjects)).toBe(true);
        });

        it('answers not_found for an unknown member', async () => {
          await expectAccountError(method('getMember')('999999999'), ['not_found']);
        });

        it('resets the invite link to a new one', async () => {
          const before = await method('getInviteLink')();
          expect(before.url.length).toBeGreaterThan(0);
          const after = await method('resetInviteLink')();
          expect(after.url).not.toBe(before.url);
          expect((await method('getInviteLink')()).url).toBe(after.url);
        });
      });
    }

    describe('abort', () => {
      it('rejects with aborted when the signal has already fired', async () => {
        const controller = new AbortController();
        controller.abort();
        await expectAccountError(method('getCurrentUser')({ signal: controller.signal }), ['aborted']);
      });

      if (groups.has('profile')) {
        it('changes nothing when a save is aborted before it starts', async () => {
          const before = await method('getCurrentUser')();
          const controller = new AbortController();
          controller.abort();
          await expectAccountError(method('updateProfile')({ firstName: 'Aborted' }, { signal: controller.signal }), [
            'aborted',
          ]);
          expect((await method('getCurrentUser')()).firstName).toBe(before.firstName);
        });
      }

      it('rejects with aborted when the signal fires during the request', async () => {
        const controller = new AbortController();
        const pending = method('getCurrentUser')({ signal: controller.signal });
        controller.abort();
        await expectAccountError(pending, ['aborted']);
      });
    });
  });
}
