import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { isAccountError, type AccountError, type AccountErrorCode } from '../adapters/errors';
import {
  ADAPTER_METHOD_GROUPS,
  ADAPTER_METHOD_NAMES,
  type AccountAdapter,
  type AdapterMethodGroup,
  type AdapterMethodName,
} from '../adapters/types';
import type { SniffedType } from '../core/image/read-image-header';
import { formatFileSize } from '../core/image/validate-avatar-file';
import type { AccountRules } from '../core/rules';
import * as defaultPreset from '../label-studio/default-preset';
import { makeBmp, makePng } from './image-fixtures';

/** The backend's rules that the suite checks; each defaults to the default preset's (from react-account-settings/label-studio). */
export interface ConformanceRules {
  /** The longest first name, last name or phone number `updateProfile` stores (after trimming). @default 256 */
  maxProfileFieldLength: number;
  /** The largest avatar file in bytes: one of this size is accepted, one byte more refused. @default 1048576 (1024 KB) */
  maxAvatarBytes: number;
  /** The widest avatar in pixels. @default 1200 */
  maxAvatarWidth: number;
  /** The tallest avatar in pixels. @default 1200 */
  maxAvatarHeight: number;
  /**
   * The avatar types the backend accepts. The suite uploads PNGs, so `'png'` must be listed; it
   * checks that a BMP is refused unless `'bmp'` is listed. @default ['png', 'jpeg', 'gif']
   */
  avatarTypes: readonly SniffedType[];
  /**
   * How many personal tokens may be active at once; `Infinity` for no limit. `getTokenSettings`
   * must report the same (`null` for no limit). @default 1
   */
  maxActivePersonalTokens: number;
  /** The most hotkey overrides `saveHotkeys` stores. @default 200 */
  maxHotkeyOverrides: number;
  /** The longest combo string in a hotkey override. @default 50 */
  maxHotkeyKeyLength: number;
  /** Combos `saveHotkeys` refuses, such as `alt+f4` (the suite tries the first); empty for none. @default the default preset's 11 */
  reservedHotkeyCombos: readonly string[];
  /** The shortest password `signUp` accepts, in characters; one shorter is refused with a message naming it. @default 8 */
  minPasswordLength: number;
  /** The longest password `signUp` accepts, in characters; one longer is refused. @default 64 */
  maxPasswordLength: number;
}

/**
 * The suite's rules for a backend that enforces the given `AccountRules`.
 *
 * @example
 * describeAdapterConformance({ createAdapter, rules: toConformanceRules(myRules) });
 */
export function toConformanceRules(rules: AccountRules): ConformanceRules {
  return {
    maxProfileFieldLength: rules.profileFieldMaxLength,
    maxAvatarBytes: rules.avatar.maxBytes,
    maxAvatarWidth: rules.avatar.maxWidth,
    maxAvatarHeight: rules.avatar.maxHeight,
    avatarTypes: rules.avatar.types,
    maxActivePersonalTokens: rules.maxActivePersonalTokens ?? Infinity,
    maxHotkeyOverrides: rules.hotkeys.maxOverrides,
    maxHotkeyKeyLength: rules.hotkeys.maxKeyLength,
    reservedHotkeyCombos: rules.hotkeys.blockedCombos,
    minPasswordLength: rules.password.minLength,
    maxPasswordLength: rules.password.maxLength,
  };
}

/** The default preset's rules (from react-account-settings/label-studio), which the suite checks unless told otherwise. */
export const DEFAULT_CONFORMANCE_RULES: Readonly<ConformanceRules> = Object.freeze(
  toConformanceRules(defaultPreset.rules),
);

/** Which methods the backend serves, and the rules it enforces. */
export interface ConformanceScope {
  /**
   * The method groups the backend serves in full. @default every group (unless `methods` is given)
   */
  groups?: readonly AdapterMethodGroup[];
  /**
   * Single methods the backend serves, besides those of `groups`: for a backend that serves part
   * of a group, such as personal tokens without the legacy token. @default none (every group's, when `groups` is absent too)
   */
  methods?: readonly AdapterMethodName[];
  /** The backend's limits where they differ from the default preset's (`{ maxAvatarBytes: 5 * 1024 * 1024 }`). */
  rules?: Partial<ConformanceRules>;
}

/** How to run the conformance suite against an adapter. */
export interface AdapterConformanceOptions<A extends AccountAdapter = AccountAdapter> extends ConformanceScope {
  /**
   * Makes a fresh adapter for each test: signed in, no profile photo, no personal tokens, no
   * hotkey overrides (neither the account map nor any project's), one email preference, at least
   * two members, at least one project (when it serves `listProjects`), and the token kinds it
   * serves enabled. When it serves `signUp`, new accounts can be made through its invite link
   * (whose `?token=` the suite reads) or, without `getInviteLink`, with no invitation.
   */
  createAdapter: () => A | Promise<A>;
  /** Releases what `createAdapter` made, after each test. */
  destroyAdapter?: (adapter: A) => void | Promise<void>;
}

/** One case of the suite: what it checks, the methods it needs, and its body. */
export interface ConformanceCase {
  /** The `describe` block it belongs to (`'profile'`, `'tokens'`, …), or `null` for the top level. */
  section: string | null;
  /** The test's name. */
  name: string;
  /** The methods the case calls; it is registered only when the backend serves all of them. */
  needs: readonly AdapterMethodName[];
  /** Runs the case against an adapter; throws an error that says what was expected and what came. */
  run: (adapter: AccountAdapter) => Promise<void>;
}

/** A value as a failure message shows it: short, with long strings (data URLs, secrets) cut. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  let text: string;
  try {
    text = JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'string' && inner.length > 60 ? `${inner.slice(0, 40)}… (${inner.length} characters)` : inner,
    );
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function listCodes(codes: readonly AccountErrorCode[]): string {
  return codes.map((code) => `'${code}'`).join(' or ');
}

/** How a rejected call came out, for a failure message. */
function describeRejection(error: unknown): string {
  if (!isAccountError(error)) return `rejected with ${show(error)}, which is not an AccountError`;
  const status = error.status === undefined ? '' : ` (status ${error.status})`;
  const fields = error.fieldErrors ? `, fieldErrors ${show(error.fieldErrors)}` : '';
  return `rejected with AccountError code '${error.code}'${status}: ${show(error.message)}${fields}`;
}

/** What a call must reject with. */
interface ExpectedRejection {
  /** The AccountError codes that pass. */
  codes: readonly AccountErrorCode[];
  /** A field that must have a message in `fieldErrors`. */
  field?: string;
}

/**
 * Awaits a call that must reject with an AccountError of one of the given codes (and, when
 * asked, a message for one field), and fails with what was expected and what came instead:
 * "`call` should reject with AccountError code 'validation'; it resolved with {…}".
 */
async function expectRejection(
  call: string,
  promise: Promise<unknown>,
  expected: ExpectedRejection,
): Promise<AccountError> {
  const wanted = `AccountError code ${listCodes(expected.codes)}${expected.field ? ` with fieldErrors.${expected.field}` : ''}`;
  let outcome: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  try {
    outcome = { resolved: true, value: await promise };
  } catch (error) {
    outcome = { resolved: false, error };
  }
  if (outcome.resolved) assert.fail(`${call} should reject with ${wanted}; it resolved with ${show(outcome.value)}`);
  const { error } = outcome;
  const fine =
    isAccountError(error) &&
    expected.codes.includes(error.code) &&
    (!expected.field || (error.fieldErrors?.[expected.field]?.length ?? 0) > 0);
  if (!fine) assert.fail(`${call} should reject with ${wanted}; it ${describeRejection(error)}`);
  const accountError = error as AccountError;
  if (accountError.message.trim() === '') {
    assert.fail(
      `${call} should reject with a message fit to show; it rejected with code '${accountError.code}' and an empty message`,
    );
  }
  return accountError;
}

/** Fails, listing the items, unless there are none: "`what`: a, b". */
function expectNone(items: readonly unknown[], what: string): void {
  if (items.length > 0) assert.fail(`${what}: ${items.map((item) => show(item)).join(', ')}`);
}

type Method<K extends AdapterMethodName> = NonNullable<AccountAdapter[K]>;

/** The adapter's method, bound; fails clearly when the adapter, said to serve it, lacks it. */
function call<K extends AdapterMethodName>(adapter: AccountAdapter, key: K): Method<K> {
  const fn: unknown = adapter[key];
  if (typeof fn !== 'function') {
    assert.fail(
      `adapter.${key} should be a function, since the suite was told the backend serves it; it is ${show(fn)}`,
    );
  }
  return (fn as (...args: unknown[]) => unknown).bind(adapter) as Method<K>;
}

let emailCount = 0;
/** An email no account has yet: the suite's sign-ups use a new one each time. */
function newEmail(): string {
  emailCount += 1;
  return `conformance-${Date.now().toString(36)}-${emailCount}@example.com`;
}

/** The invitation token an invite link carries in `?token=`, or null. */
function inviteTokenOf(url: string): string | null {
  try {
    return new URL(url, 'http://invite.invalid').searchParams.get('token') || null;
  } catch {
    return null;
  }
}

function pngFile(width: number, height: number, byteLength?: number): Blob {
  return new Blob([makePng(width, height, byteLength === undefined ? {} : { byteLength })], { type: 'image/png' });
}

/** The methods the scope says the backend serves; `getCurrentUser` always. */
export function servedMethods(scope: ConformanceScope): ReadonlySet<AdapterMethodName> {
  const groups = Object.keys(ADAPTER_METHOD_GROUPS) as AdapterMethodGroup[];
  for (const group of scope.groups ?? []) {
    if (!groups.includes(group)) {
      throw new Error(
        `describeAdapterConformance: unknown group '${String(group)}'; the groups are ${groups.join(', ')}.`,
      );
    }
  }
  for (const method of scope.methods ?? []) {
    if (!ADAPTER_METHOD_NAMES.includes(method)) {
      throw new Error(
        `describeAdapterConformance: unknown method '${String(method)}'; the methods are ${ADAPTER_METHOD_NAMES.join(', ')}.`,
      );
    }
  }
  const chosen = scope.groups ?? (scope.methods ? [] : groups);
  return new Set<AdapterMethodName>([
    'getCurrentUser',
    ...chosen.flatMap((group) => ADAPTER_METHOD_GROUPS[group]),
    ...(scope.methods ?? []),
  ]);
}

/** The scope's rules: the default preset's, with the given ones in their place. */
export function resolveRules(rules: Partial<ConformanceRules> = {}): ConformanceRules {
  const resolved: ConformanceRules = { ...DEFAULT_CONFORMANCE_RULES, ...rules };
  if (!resolved.avatarTypes.includes('png')) {
    throw new Error("describeAdapterConformance: rules.avatarTypes must include 'png', the type the suite uploads.");
  }
  return resolved;
}

/**
 * Every case the suite registers for a scope, in order: only those whose methods the backend
 * serves. `describeAdapterConformance` registers them; a test can run one on its own.
 */
export function listConformanceCases(scope: ConformanceScope = {}): ConformanceCase[] {
  const served = servedMethods(scope);
  const rules = resolveRules(scope.rules);
  const serves = (method: AdapterMethodName) => served.has(method);
  const cases: ConformanceCase[] = [];
  let section: string | null = null;
  const add = (name: string, needs: readonly AdapterMethodName[], run: ConformanceCase['run']) => {
    if (needs.every(serves)) cases.push({ section, name, needs, run });
  };

  // The declared shape: what the backend serves is there, and what it doesn't is left out.
  add('has every method the backend serves', [], async (adapter) => {
    const missing = [...served].filter((key) => typeof adapter[key] !== 'function');
    expectNone(
      missing,
      'the suite was told the backend serves these methods (by groups and methods), but the adapter lacks them',
    );
  });
  for (const [group, keys] of Object.entries(ADAPTER_METHOD_GROUPS) as [
    AdapterMethodGroup,
    readonly AdapterMethodName[],
  ][]) {
    const absent = keys.filter((key) => !served.has(key));
    if (absent.length === 0) continue;
    const name =
      absent.length === keys.filter((key) => key !== 'getCurrentUser').length
        ? `leaves out every ${group} method, as declared`
        : `leaves out ${absent.join(' and ')}, as declared`;
    add(name, [], async (adapter) => {
      const present = absent.filter((key) => adapter[key] !== undefined);
      expectNone(
        present,
        "the suite was told the backend doesn't serve these methods, so they should be left out (the components then hide their controls), but the adapter has them",
      );
    });
  }

  section = 'profile';
  add('reads the signed-in user', ['getCurrentUser'], async (adapter) => {
    const user = await call(adapter, 'getCurrentUser')();
    expect(
      user,
      'getCurrentUser() should resolve to a User: a non-empty id, an email with @, text names and phone',
    ).toMatchObject({
      id: expect.stringMatching(/./),
      email: expect.stringContaining('@'),
      firstName: expect.any(String),
      lastName: expect.any(String),
      phone: expect.any(String),
    });
  });

  add('saves a profile change and reads it back', ['updateProfile', 'getCurrentUser'], async (adapter) => {
    const patch = { firstName: 'Grace', lastName: 'Hopper', phone: '+1 (555) 010-2030' };
    const updated = await call(adapter, 'updateProfile')(patch);
    expect(updated, `updateProfile(${show(patch)}) should resolve to the updated user`).toMatchObject(patch);
    expect(
      await call(adapter, 'getCurrentUser')(),
      'getCurrentUser() after updateProfile should read the change back',
    ).toMatchObject(patch);
  });

  add('changes only the fields in the patch', ['updateProfile', 'getCurrentUser'], async (adapter) => {
    const before = await call(adapter, 'getCurrentUser')();
    await call(adapter, 'updateProfile')({ phone: '555 0100' });
    const after = await call(adapter, 'getCurrentUser')();
    expect(
      after,
      "updateProfile({ phone: '555 0100' }) should change the phone and keep the names and email",
    ).toMatchObject({
      firstName: before.firstName,
      lastName: before.lastName,
      email: before.email,
      phone: '555 0100',
    });
  });

  add('trims surrounding spaces', ['updateProfile'], async (adapter) => {
    const updated = await call(adapter, 'updateProfile')({ firstName: '  Ada  ' });
    expect(updated.firstName, "updateProfile({ firstName: '  Ada  ' }) should store the name trimmed").toBe('Ada');
  });

  const longest = rules.maxProfileFieldLength;
  add(`accepts ${longest} characters in a field`, ['updateProfile'], async (adapter) => {
    const updated = await call(adapter, 'updateProfile')({ lastName: 'x'.repeat(longest) });
    expect(
      updated.lastName.length,
      `updateProfile with a ${longest}-character last name (rules.maxProfileFieldLength) should store all of it`,
    ).toBe(longest);
  });

  add(
    `refuses ${longest + 1} characters with a field error and keeps the old value`,
    ['updateProfile', 'getCurrentUser'],
    async (adapter) => {
      const before = await call(adapter, 'getCurrentUser')();
      await expectRejection(
        `updateProfile with a ${longest + 1}-character first name (rules.maxProfileFieldLength is ${longest})`,
        call(adapter, 'updateProfile')({ firstName: 'x'.repeat(longest + 1) }),
        { codes: ['validation'], field: 'firstName' },
      );
      expect(
        (await call(adapter, 'getCurrentUser')()).firstName,
        'the first name after a refused updateProfile should be the one before',
      ).toBe(before.firstName);
    },
  );

  section = 'avatar';
  const maxBytes = rules.maxAvatarBytes;
  const { maxAvatarWidth: maxWidth, maxAvatarHeight: maxHeight } = rules;
  add('uploads a photo and reports progress up to 1', ['uploadAvatar', 'getCurrentUser'], async (adapter) => {
    const progress: number[] = [];
    const user = await call(adapter, 'uploadAvatar')(pngFile(64, 48), {
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(user.avatarUrl, 'uploadAvatar(a 64 × 48 PNG) should resolve to the user with an avatarUrl').toEqual(
      expect.any(String),
    );
    expect(
      (await call(adapter, 'getCurrentUser')()).avatarUrl,
      "getCurrentUser() after uploadAvatar should have the upload's avatarUrl",
    ).toBe(user.avatarUrl);
    expectNone(
      progress.filter((fraction) => !(fraction >= 0 && fraction <= 1)),
      'uploadAvatar should report onProgress fractions from 0 to 1; it reported these others',
    );
    expect(progress.at(-1), 'the last fraction uploadAvatar reported to onProgress').toBe(1);
  });

  add('removes the photo', ['uploadAvatar', 'removeAvatar', 'getCurrentUser'], async (adapter) => {
    await call(adapter, 'uploadAvatar')(pngFile(16, 16));
    const user = await call(adapter, 'removeAvatar')();
    expect(user.avatarUrl, 'removeAvatar() should resolve to the user with avatarUrl null').toBeNull();
    expect(
      (await call(adapter, 'getCurrentUser')()).avatarUrl,
      'getCurrentUser() after removeAvatar: avatarUrl',
    ).toBeNull();
  });

  add(`accepts a file of exactly ${formatFileSize(maxBytes)}`, ['uploadAvatar'], async (adapter) => {
    const user = await call(adapter, 'uploadAvatar')(pngFile(16, 16, maxBytes));
    expect(
      user.avatarUrl,
      `uploadAvatar(a PNG of ${maxBytes} bytes, rules.maxAvatarBytes) should resolve to the user with an avatarUrl`,
    ).toEqual(expect.any(String));
  });

  add(`refuses a file over ${formatFileSize(maxBytes)}`, ['uploadAvatar', 'getCurrentUser'], async (adapter) => {
    const before = (await call(adapter, 'getCurrentUser')()).avatarUrl;
    await expectRejection(
      `uploadAvatar(a PNG of ${maxBytes + 1} bytes; rules.maxAvatarBytes is ${maxBytes})`,
      call(adapter, 'uploadAvatar')(pngFile(10, 10, maxBytes + 1)),
      { codes: ['too_large', 'validation'] },
    );
    expect(
      (await call(adapter, 'getCurrentUser')()).avatarUrl,
      'avatarUrl after a refused upload should be the one before',
    ).toBe(before);
  });

  add(`accepts an image ${maxWidth} px wide or ${maxHeight} px tall`, ['uploadAvatar'], async (adapter) => {
    for (const [width, height] of [
      [maxWidth, 1],
      [1, maxHeight],
    ] as const) {
      const user = await call(adapter, 'uploadAvatar')(pngFile(width, height));
      expect(
        user.avatarUrl,
        `uploadAvatar(a ${width} × ${height} PNG; rules allow ${maxWidth} × ${maxHeight} px) should resolve to the user with an avatarUrl`,
      ).toEqual(expect.any(String));
    }
  });

  add(`refuses an image wider than ${maxWidth} px`, ['uploadAvatar'], async (adapter) => {
    await expectRejection(
      `uploadAvatar(a ${maxWidth + 1} × 10 PNG; rules.maxAvatarWidth is ${maxWidth})`,
      call(adapter, 'uploadAvatar')(pngFile(maxWidth + 1, 10)),
      { codes: ['validation'] },
    );
  });

  add(`refuses an image taller than ${maxHeight} px`, ['uploadAvatar'], async (adapter) => {
    await expectRejection(
      `uploadAvatar(a 10 × ${maxHeight + 1} PNG; rules.maxAvatarHeight is ${maxHeight})`,
      call(adapter, 'uploadAvatar')(pngFile(10, maxHeight + 1)),
      { codes: ['validation'] },
    );
  });

  if (!rules.avatarTypes.includes('bmp')) {
    add('refuses a BMP even when it claims to be a PNG', ['uploadAvatar'], async (adapter) => {
      const bmp = new Blob([makeBmp(8, 8)], { type: 'image/png' });
      await expectRejection('uploadAvatar(an 8 × 8 BMP sent as image/png)', call(adapter, 'uploadAvatar')(bmp), {
        codes: ['validation'],
      });
    });
  }

  section = 'email preferences';
  add('lists preferences with ids and on/off states', ['getEmailPreferences'], async (adapter) => {
    const preferences = await call(adapter, 'getEmailPreferences')();
    expect(
      preferences.length,
      'how many preferences getEmailPreferences() lists (the fresh adapter has one or more)',
    ).toBeGreaterThan(0);
    for (const preference of preferences) {
      expect(preference, 'each email preference should have a text id and a boolean enabled').toMatchObject({
        id: expect.any(String),
        enabled: expect.any(Boolean),
      });
    }
  });

  add('switches a preference and reads it back', ['getEmailPreferences', 'updateEmailPreferences'], async (adapter) => {
    const [first] = await call(adapter, 'getEmailPreferences')();
    expect(first, 'the first of getEmailPreferences() (the fresh adapter has one or more)').toBeDefined();
    const patch = { [first!.id]: !first!.enabled };
    const updated = await call(adapter, 'updateEmailPreferences')(patch);
    expect(
      updated.find((p) => p.id === first!.id)?.enabled,
      `updateEmailPreferences(${show(patch)}) should resolve to the preferences with the new state`,
    ).toBe(!first!.enabled);
    const reread = await call(adapter, 'getEmailPreferences')();
    expect(
      reread.find((p) => p.id === first!.id)?.enabled,
      `getEmailPreferences() after updateEmailPreferences(${show(patch)}) should read the new state back`,
    ).toBe(!first!.enabled);
  });

  section = 'membership';
  add('reads the membership of the signed-in user', ['getMembership', 'getCurrentUser'], async (adapter) => {
    const [user, membership] = await Promise.all([call(adapter, 'getCurrentUser')(), call(adapter, 'getMembership')()]);
    expect(membership.userId, "getMembership().userId should be the signed-in user's id").toBe(user.id);
    if (membership.annotationsCount !== undefined) {
      expect(membership.annotationsCount, 'getMembership().annotationsCount, when given').toBeGreaterThanOrEqual(0);
    }
    if (membership.organization !== undefined) {
      expect(
        membership.organization.title,
        'getMembership().organization.title, when given, should not be empty',
      ).toMatch(/./);
    }
  });

  section = 'tokens';
  const tokenLimit = rules.maxActivePersonalTokens;
  const servesPersonal = serves('createPersonalToken') || serves('listPersonalTokens');
  add('reads the token settings', ['getTokenSettings'], async (adapter) => {
    const settings = await call(adapter, 'getTokenSettings')();
    const expected = {
      ...(servesPersonal ? { personalTokensEnabled: true } : {}),
      ...(serves('getLegacyToken') ? { legacyTokenEnabled: true } : {}),
      maxActivePersonalTokens: tokenLimit === Infinity ? null : tokenLimit,
    };
    expect(
      settings,
      'getTokenSettings() should enable the token kinds the backend serves and report rules.maxActivePersonalTokens (null for Infinity)',
    ).toMatchObject(expected);
  });

  // Switching a token kind off could lock out the very credential the adapter signs in with, so the
  // suite writes back what is there: the answer must be every setting, mapped both ways.
  add('writes the token settings back unchanged', ['getTokenSettings', 'updateTokenSettings'], async (adapter) => {
    const before = await call(adapter, 'getTokenSettings')();
    const { personalTokensEnabled, legacyTokenEnabled } = before;
    const written = await call(adapter, 'updateTokenSettings')({ personalTokensEnabled, legacyTokenEnabled });
    expect(written, 'updateTokenSettings(the current values) should resolve to the same settings').toEqual(before);
    const untouched = await call(adapter, 'updateTokenSettings')({});
    expect(untouched, 'updateTokenSettings({}) should change nothing and resolve to every setting').toEqual(before);
    expect(await call(adapter, 'getTokenSettings')(), 'getTokenSettings() after them').toEqual(before);
  });

  add(
    'changes the personal-token lifetime where canChangeLifetime says it can',
    ['getTokenSettings', 'updateTokenSettings'],
    async (adapter) => {
      const before = await call(adapter, 'getTokenSettings')();
      if (before.canChangeLifetime !== true) return;
      const month = await call(adapter, 'updateTokenSettings')({ personalTokenLifetimeDays: 30 });
      expect(month.personalTokenLifetimeDays, 'updateTokenSettings({ personalTokenLifetimeDays: 30 })').toBe(30);
      expect(
        (await call(adapter, 'getTokenSettings')()).personalTokenLifetimeDays,
        'getTokenSettings().personalTokenLifetimeDays after setting 30',
      ).toBe(30);
      const never = await call(adapter, 'updateTokenSettings')({ personalTokenLifetimeDays: null });
      expect(never.personalTokenLifetimeDays, 'updateTokenSettings({ personalTokenLifetimeDays: null })').toBeNull();
      await call(
        adapter,
        'updateTokenSettings',
      )({ personalTokenLifetimeDays: before.personalTokenLifetimeDays ?? null });
    },
  );

  add(
    'creates a personal token and lists it without its secret',
    ['createPersonalToken', 'listPersonalTokens'],
    async (adapter) => {
      const created = await call(adapter, 'createPersonalToken')({});
      expect(created.token.length, 'the length of the secret createPersonalToken({}) returns').toBeGreaterThanOrEqual(
        16,
      );
      const listed = await call(adapter, 'listPersonalTokens')();
      expect(
        listed.map((token) => token.id),
        'listPersonalTokens() ids after createPersonalToken',
      ).toContain(created.info.id);
      expect(JSON.stringify(listed), 'listPersonalTokens() should never contain the secret').not.toContain(
        created.token,
      );
      // The listed prefix is a part of the token that tells it apart, never the secret itself.
      const shown = created.info.prefix.replaceAll('…', '');
      expect(shown, 'info.prefix of a created token, without "…", should not be empty').toMatch(/./);
      expect(created.token, 'the created token should contain its listed prefix').toContain(shown);
      expect(shown.length, 'the listed prefix should be shorter than the secret').toBeLessThan(created.token.length);
    },
  );

  add('never returns a secret again after creation', ['createPersonalToken'], async (adapter) => {
    const created = await call(adapter, 'createPersonalToken')({});
    const reads = (['listPersonalTokens', 'getTokenSettings', 'getCurrentUser'] as const).filter(serves);
    for (const key of reads) {
      const result: unknown = await (call(adapter, key) as () => Promise<unknown>)();
      expect(JSON.stringify(result), `${key}() after createPersonalToken should not contain the secret`).not.toContain(
        created.token,
      );
    }
  });

  if (tokenLimit === Infinity) {
    add('creates tokens without a limit', ['createPersonalToken'], async (adapter) => {
      const created = [];
      for (let i = 0; i < 3; i++) created.push(await call(adapter, 'createPersonalToken')({}));
      if (serves('listPersonalTokens')) {
        expect(
          (await call(adapter, 'listPersonalTokens')()).length,
          'listPersonalTokens() after three createPersonalToken calls (rules.maxActivePersonalTokens is Infinity)',
        ).toBe(3);
      }
    });
  } else {
    add('refuses a token over the active limit with a conflict', ['createPersonalToken'], async (adapter) => {
      for (let i = 0; i < tokenLimit; i++) await call(adapter, 'createPersonalToken')({});
      await expectRejection(
        `createPersonalToken({}) with ${tokenLimit} active (rules.maxActivePersonalTokens)`,
        call(adapter, 'createPersonalToken')({}),
        { codes: ['conflict'] },
      );
      if (serves('listPersonalTokens')) {
        expect(
          (await call(adapter, 'listPersonalTokens')()).length,
          'listPersonalTokens() after the refused createPersonalToken',
        ).toBe(tokenLimit);
      }
    });
  }

  add('revokes a token, which frees its place', ['createPersonalToken', 'revokePersonalToken'], async (adapter) => {
    const created = await call(adapter, 'createPersonalToken')({});
    await call(adapter, 'revokePersonalToken')(created.info.id);
    if (serves('listPersonalTokens')) {
      expect(
        (await call(adapter, 'listPersonalTokens')()).map((token) => token.id),
        'listPersonalTokens() ids after revokePersonalToken',
      ).not.toContain(created.info.id);
    }
    const next = await call(adapter, 'createPersonalToken')({});
    expect(next.token, 'a token created after revoking should be a new secret').not.toBe(created.token);
  });

  add('answers not_found for revoking an unknown token', ['revokePersonalToken'], async (adapter) => {
    await expectRejection(
      "revokePersonalToken('no-such-token')",
      call(adapter, 'revokePersonalToken')('no-such-token'),
      {
        codes: ['not_found'],
      },
    );
  });

  add('reads the same legacy token twice', ['getLegacyToken'], async (adapter) => {
    const first = await call(adapter, 'getLegacyToken')();
    expect(first.token.length, 'the length of the token getLegacyToken() returns').toBeGreaterThanOrEqual(16);
    expect((await call(adapter, 'getLegacyToken')()).token, 'getLegacyToken() a second time').toBe(first.token);
  });

  add('renews the legacy token to a new value', ['renewLegacyToken'], async (adapter) => {
    const old = await call(adapter, serves('getLegacyToken') ? 'getLegacyToken' : 'renewLegacyToken')();
    const renewed = await call(adapter, 'renewLegacyToken')();
    expect(renewed.token, 'renewLegacyToken() should resolve to a token unlike the old one').not.toBe(old.token);
    if (serves('getLegacyToken')) {
      expect((await call(adapter, 'getLegacyToken')()).token, 'getLegacyToken() after renewLegacyToken').toBe(
        renewed.token,
      );
    }
  });

  section = 'hotkeys';
  add('starts with no overrides', ['getHotkeys'], async (adapter) => {
    expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() on a fresh adapter').toEqual({});
  });

  add('saves overrides and reads them back', ['saveHotkeys', 'getHotkeys'], async (adapter) => {
    const overrides = {
      'annotation:submit': { key: 'ctrl+shift+enter', active: true },
      'tools:tool:rect': { key: 'r', active: false, description: 'Rectangle' },
    };
    expect(
      await call(adapter, 'saveHotkeys')(overrides),
      'saveHotkeys(overrides) should resolve to what it stored',
    ).toEqual(overrides);
    expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() after saveHotkeys(overrides)').toEqual(overrides);
  });

  add('replaces the whole map on save (no merge)', ['saveHotkeys', 'getHotkeys'], async (adapter) => {
    await call(adapter, 'saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' }, 'annotation:redo': { key: 'ctrl+y' } });
    await call(adapter, 'saveHotkeys')({ 'annotation:redo': { key: 'ctrl+shift+y' } });
    expect(
      await call(adapter, 'getHotkeys')(),
      'getHotkeys() after saving { undo, redo } and then { redo } alone: the second map, not a merge',
    ).toEqual({ 'annotation:redo': { key: 'ctrl+shift+y' } });
  });

  add('clears every override when saving an empty map', ['saveHotkeys', 'getHotkeys'], async (adapter) => {
    await call(adapter, 'saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' } });
    await call(adapter, 'saveHotkeys')({});
    expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() after saveHotkeys({})').toEqual({});
  });

  const reserved = rules.reservedHotkeyCombos[0];
  if (reserved !== undefined) {
    add('refuses a reserved combo and keeps the stored map', ['saveHotkeys', 'getHotkeys'], async (adapter) => {
      await call(adapter, 'saveHotkeys')({ 'annotation:undo': { key: 'ctrl+u' } });
      await expectRejection(
        `saveHotkeys with the reserved combo '${reserved}' (rules.reservedHotkeyCombos)`,
        call(adapter, 'saveHotkeys')({ 'annotation:undo': { key: reserved } }),
        { codes: ['validation'] },
      );
      expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() after the refused save: the map stored before').toEqual(
        {
          'annotation:undo': { key: 'ctrl+u' },
        },
      );
    });
  }

  add('refuses an id without a section', ['saveHotkeys'], async (adapter) => {
    await expectRejection(
      "saveHotkeys({ submit: … }), an id without 'section:'",
      call(adapter, 'saveHotkeys')({ submit: { key: 'ctrl+enter' } }),
      { codes: ['validation'] },
    );
  });

  const longestKey = rules.maxHotkeyKeyLength;
  add(`refuses a key longer than ${longestKey} characters`, ['saveHotkeys'], async (adapter) => {
    const key = `ctrl+${'a'.repeat(Math.max(1, longestKey - 4))}`;
    await expectRejection(
      `saveHotkeys with a ${key.length}-character key (rules.maxHotkeyKeyLength is ${longestKey})`,
      call(adapter, 'saveHotkeys')({ 'annotation:submit': { key } }),
      { codes: ['validation'] },
    );
  });

  const mostOverrides = rules.maxHotkeyOverrides;
  add(`refuses more than ${mostOverrides} overrides`, ['saveHotkeys', 'getHotkeys'], async (adapter) => {
    const many = Object.fromEntries(
      Array.from({ length: mostOverrides + 1 }, (_, i) => [`section:action-${i}`, { key: 'ctrl+k' }]),
    );
    await expectRejection(
      `saveHotkeys with ${mostOverrides + 1} overrides (rules.maxHotkeyOverrides is ${mostOverrides})`,
      call(adapter, 'saveHotkeys')(many),
      { codes: ['validation'] },
    );
    expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() after the refused save').toEqual({});
  });

  add('refuses an "active" flag that is not true or false', ['saveHotkeys'], async (adapter) => {
    const bad = { 'annotation:submit': { key: 'ctrl+enter', active: 'yes' } } as unknown as Record<
      string,
      { key: string }
    >;
    await expectRejection("saveHotkeys with active: 'yes'", call(adapter, 'saveHotkeys')(bad), {
      codes: ['validation'],
    });
  });

  section = 'hotkey settings';
  add('saves hotkey settings and reads them back', ['saveHotkeySettings', 'getHotkeySettings'], async (adapter) => {
    const settings = { autoTranslatePlatforms: true, layout: { compact: false, order: [1, 'two'] } };
    expect(
      await call(adapter, 'saveHotkeySettings')(settings),
      'saveHotkeySettings(settings) should resolve to what it stored',
    ).toEqual(settings);
    expect(await call(adapter, 'getHotkeySettings')(), 'getHotkeySettings() after saveHotkeySettings').toEqual(
      settings,
    );
  });

  add(
    'leaves the overrides alone when saving settings, and the settings when saving overrides',
    ['saveHotkeySettings', 'getHotkeySettings', 'saveHotkeys', 'getHotkeys'],
    async (adapter) => {
      const overrides = { 'annotation:undo': { key: 'ctrl+u' } };
      await call(adapter, 'saveHotkeys')(overrides);
      await call(adapter, 'saveHotkeySettings')({ autoTranslatePlatforms: false });
      expect(
        await call(adapter, 'getHotkeys')(),
        'getHotkeys() after saveHotkeySettings: the map stored before',
      ).toEqual(overrides);
      await call(adapter, 'saveHotkeys')({});
      expect(
        await call(adapter, 'getHotkeySettings')(),
        'getHotkeySettings() after saveHotkeys: the settings stored before',
      ).toEqual({ autoTranslatePlatforms: false });
    },
  );

  add(
    'refuses settings that are not an object and keeps the stored ones',
    ['saveHotkeySettings', 'getHotkeySettings'],
    async (adapter) => {
      await call(adapter, 'saveHotkeySettings')({ kept: 1 });
      for (const bad of [[1, 2], 'on', null]) {
        await expectRejection(
          `saveHotkeySettings(${show(bad)}), not an object`,
          call(adapter, 'saveHotkeySettings')(bad as unknown as Record<string, never>),
          { codes: ['validation'] },
        );
      }
      expect(await call(adapter, 'getHotkeySettings')(), 'getHotkeySettings() after the refused saves').toEqual({
        kept: 1,
      });
    },
  );

  section = 'projects';
  /** A project of the fresh adapter (it has one or more), for the project-scoped hotkey cases. */
  const someProject = async (adapter: AccountAdapter) => {
    const { items } = await call(adapter, 'listProjects')({ page: 1, pageSize: 1 });
    if (!items[0])
      assert.fail('listProjects({ page: 1, pageSize: 1 }) on a fresh adapter should list a project; it listed none');
    return items[0];
  };
  /** An id no backend's fresh data uses as a project id. */
  const unknownProjectId = '2147480001';

  add('lists projects with an id, a title and the total', ['listProjects'], async (adapter) => {
    const page = await call(adapter, 'listProjects')();
    expect(page.items.length, 'items in listProjects() (the fresh adapter has one or more projects)').toBeGreaterThan(
      0,
    );
    expect(page.total, 'listProjects().total').toBeGreaterThanOrEqual(page.items.length);
    for (const project of page.items) {
      expect(project, 'each listed project').toMatchObject({
        id: expect.stringMatching(/./),
        title: expect.any(String),
      });
    }
  });

  add('finds projects by title, ignoring case', ['listProjects'], async (adapter) => {
    const project = await someProject(adapter);
    const term = project.title.slice(0, Math.max(1, Math.min(5, project.title.length))).toUpperCase();
    const found = await call(adapter, 'listProjects')({ search: term });
    expect(
      found.items.map((item) => item.id),
      `listProjects({ search: '${term}' }) should list '${project.title}'`,
    ).toContain(project.id);
    expectNone(
      found.items.filter((item) => !item.title.toLowerCase().includes(term.toLowerCase())),
      `listProjects({ search: '${term}' }) listed projects whose title lacks the text`,
    );
    const none = await call(adapter, 'listProjects')({ search: 'zq-no-project-has-this-title-qz' });
    expect(none, 'listProjects() searching a text no title has').toEqual({ items: [], total: 0 });
  });

  add('pages through projects', ['listProjects'], async (adapter) => {
    const first = await call(adapter, 'listProjects')({ page: 1, pageSize: 1 });
    expect(first.items.length, 'items in listProjects({ page: 1, pageSize: 1 })').toBe(1);
    const past = await call(adapter, 'listProjects')({ page: first.total + 1, pageSize: 1 });
    expect(past, 'listProjects() a page past the last').toEqual({ items: [], total: first.total });
  });

  const accountMap = { 'annotation:undo': { key: 'ctrl+u' } };
  const projectMap = { 'annotation:undo': { key: 'ctrl+shift+u' }, 'annotation:redo': { key: 'ctrl+y' } };

  add('starts a project with no override', ['listProjects', 'getHotkeys'], async (adapter) => {
    const { id } = await someProject(adapter);
    expect(await call(adapter, 'getHotkeys')({ projectId: id }), `getHotkeys({ projectId: '${id}' })`).toEqual({});
  });

  add(
    "keeps a project's override apart from the account map",
    ['listProjects', 'getHotkeys', 'saveHotkeys'],
    async (adapter) => {
      const { id } = await someProject(adapter);
      await call(adapter, 'saveHotkeys')(accountMap);
      expect(
        await call(adapter, 'saveHotkeys')(projectMap, { projectId: id }),
        `saveHotkeys(map, { projectId: '${id}' }) should resolve to what it stored`,
      ).toEqual(projectMap);
      expect(await call(adapter, 'getHotkeys')({ projectId: id }), `getHotkeys({ projectId: '${id}' })`).toEqual(
        projectMap,
      );
      expect(await call(adapter, 'getHotkeys')(), "getHotkeys() after saving a project's override").toEqual(accountMap);
    },
  );

  add("removes a project's override when saving {}", ['listProjects', 'getHotkeys', 'saveHotkeys'], async (adapter) => {
    const { id } = await someProject(adapter);
    await call(adapter, 'saveHotkeys')(accountMap);
    await call(adapter, 'saveHotkeys')(projectMap, { projectId: id });
    expect(
      await call(adapter, 'saveHotkeys')({}, { projectId: id }),
      `saveHotkeys({}, { projectId: '${id}' })`,
    ).toEqual({});
    expect(await call(adapter, 'getHotkeys')({ projectId: id }), 'the project after saving {}').toEqual({});
    expect(await call(adapter, 'getHotkeys')(), 'the account map after removing the override').toEqual(accountMap);
  });

  add(
    'refuses an unknown project with not_found and leaves the account map',
    ['getHotkeys', 'saveHotkeys', 'listProjects'],
    async (adapter) => {
      await call(adapter, 'saveHotkeys')(accountMap);
      await expectRejection(
        `getHotkeys({ projectId: '${unknownProjectId}' })`,
        call(adapter, 'getHotkeys')({ projectId: unknownProjectId }),
        { codes: ['not_found'] },
      );
      await expectRejection(
        `saveHotkeys(map, { projectId: '${unknownProjectId}' })`,
        call(adapter, 'saveHotkeys')(projectMap, { projectId: unknownProjectId }),
        { codes: ['not_found'] },
      );
      expect(await call(adapter, 'getHotkeys')(), 'getHotkeys() after the refused project save').toEqual(accountMap);
    },
  );

  section = 'people';
  add('lists a page of members with the total', ['listMembers'], async (adapter) => {
    const page = await call(adapter, 'listMembers')({ page: 1, pageSize: 1 });
    expect(page.items.length, 'items in listMembers({ page: 1, pageSize: 1 })').toBe(1);
    expect(page.total, 'listMembers().total (the fresh adapter has two or more members)').toBeGreaterThanOrEqual(2);
    expect(page.items[0]!.email, "the listed member's email").toContain('@');
  });

  add('pages through members without repeating any', ['listMembers'], async (adapter) => {
    const first = await call(adapter, 'listMembers')({ page: 1, pageSize: 1 });
    const second = await call(adapter, 'listMembers')({ page: 2, pageSize: 1 });
    expect(second.items.length, 'items in listMembers({ page: 2, pageSize: 1 })').toBe(1);
    expect(second.items[0]!.id, 'the member on page 2 should not be the one on page 1').not.toBe(first.items[0]!.id);
    expect(second.total, 'listMembers().total on page 2 should equal page 1').toBe(first.total);
  });

  add('finds members by email', ['listMembers'], async (adapter) => {
    const { items } = await call(adapter, 'listMembers')({ page: 1, pageSize: 2 });
    expect(
      items.length,
      'items in listMembers({ page: 1, pageSize: 2 }) (the fresh adapter has two or more members)',
    ).toBe(2);
    const target = items[1]!;
    const found = await call(adapter, 'listMembers')({ page: 1, pageSize: 30, search: target.email });
    expect(
      found.items.map((member) => member.id),
      `ids found by listMembers({ search: '${target.email}' })`,
    ).toContain(target.id);
    expectNone(
      found.items
        .filter((member) => !member.email.toLowerCase().includes(target.email.toLowerCase()))
        .map((m) => m.email),
      `listMembers({ search: '${target.email}' }) should find only members whose email contains it; it also found these`,
    );
  });

  add("reads a member's details", ['listMembers', 'getMember'], async (adapter) => {
    const { items } = await call(adapter, 'listMembers')({ page: 1, pageSize: 1 });
    expect(items.length, 'items in listMembers({ page: 1, pageSize: 1 })').toBe(1);
    const details = await call(adapter, 'getMember')(items[0]!.id);
    expect(details, `getMember('${items[0]!.id}') should resolve to that member with project lists`).toMatchObject({
      id: items[0]!.id,
      email: items[0]!.email,
      createdProjects: expect.any(Array),
      contributedProjects: expect.any(Array),
    });
  });

  add('answers not_found for an unknown member', ['getMember'], async (adapter) => {
    await expectRejection("getMember('999999999')", call(adapter, 'getMember')('999999999'), { codes: ['not_found'] });
  });

  add('resets the invite link to a new one', ['resetInviteLink'], async (adapter) => {
    const before = await call(adapter, serves('getInviteLink') ? 'getInviteLink' : 'resetInviteLink')();
    expect(before.url, 'the invite link url should not be empty').toMatch(/./);
    const after = await call(adapter, 'resetInviteLink')();
    expect(after.url, 'resetInviteLink() should resolve to a link unlike the old one').not.toBe(before.url);
    if (serves('getInviteLink')) {
      expect((await call(adapter, 'getInviteLink')()).url, 'getInviteLink() after resetInviteLink').toBe(after.url);
    }
  });

  add('refuses to remove the signed-in user', ['removeMember', 'getCurrentUser'], async (adapter) => {
    const me = await call(adapter, 'getCurrentUser')();
    await expectRejection(`removeMember('${me.id}'), the signed-in user`, call(adapter, 'removeMember')(me.id), {
      codes: ['forbidden', 'conflict', 'validation'],
    });
    expect(
      (await call(adapter, 'getCurrentUser')()).id,
      'getCurrentUser() after the refused removeMember should still answer the signed-in user',
    ).toBe(me.id);
  });

  add('answers not_found when removing an unknown member', ['removeMember'], async (adapter) => {
    await expectRejection("removeMember('999999999')", call(adapter, 'removeMember')('999999999'), {
      codes: ['not_found'],
    });
  });

  add(
    'removes a member, who is then gone from the list or shown as deleted',
    ['removeMember', 'listMembers', 'getCurrentUser'],
    async (adapter) => {
      const me = await call(adapter, 'getCurrentUser')();
      const before = await call(adapter, 'listMembers')({ page: 1, pageSize: 100 });
      const other = before.items.find((member) => member.id !== me.id && !member.deleted);
      if (!other) {
        assert.fail(
          'listMembers({ page: 1, pageSize: 100 }) on a fresh adapter should list a member besides the signed-in user',
        );
      }
      await call(adapter, 'removeMember')(other.id);
      const after = await call(adapter, 'listMembers')({ page: 1, pageSize: 100 });
      const still = after.items.find((member) => member.id === other.id);
      if (still) {
        expect(still.deleted, `the removed member ${other.id}, when still listed, should be shown deleted`).toBe(true);
        expect(still.email, "a removed member's listed email should be anonymized").not.toBe(other.email);
      }
      await expectRejection(`removeMember('${other.id}') a second time`, call(adapter, 'removeMember')(other.id), {
        codes: ['not_found'],
      });
    },
  );

  section = 'session';
  const { minPasswordLength, maxPasswordLength } = rules;
  /** A password the backend accepts: between the rules' lengths. */
  const goodPassword = 'correct-horse-battery-staple'.padEnd(minPasswordLength, '!').slice(0, maxPasswordLength);
  /** The invitation to sign up with: the invite link's `?token=` when the adapter serves it, else none. */
  const invitation = async (adapter: AccountAdapter): Promise<{ inviteToken?: string }> => {
    if (!serves('getInviteLink')) return {};
    const { url } = await call(adapter, 'getInviteLink')();
    const token = inviteTokenOf(url);
    if (!token) assert.fail(`getInviteLink() should answer a link with its token in ?token=; it answered ${show(url)}`);
    return { inviteToken: token };
  };

  add('signs up, and the new account is the signed-in user', ['signUp', 'getCurrentUser'], async (adapter) => {
    const email = newEmail();
    const input = { email, password: goodPassword, ...(await invitation(adapter)) };
    const created = await call(adapter, 'signUp')(input);
    expect(
      created.email.toLowerCase(),
      `signUp(${show({ ...input, password: '…' })}) should resolve to the new user`,
    ).toBe(email);
    const current = await call(adapter, 'getCurrentUser')();
    expect(
      { id: current.id, email: current.email.toLowerCase() },
      'getCurrentUser() after signUp should be the new account',
    ).toEqual({ id: created.id, email });
  });

  add(
    'signs up through the invite link into the inviting organization',
    ['getInviteLink', 'signUp', 'getMembership'],
    async (adapter) => {
      const before = await call(adapter, 'getMembership')();
      await call(adapter, 'signUp')({ email: newEmail(), password: goodPassword, ...(await invitation(adapter)) });
      const after = await call(adapter, 'getMembership')();
      if (before.organization !== undefined) {
        expect(
          after.organization?.id,
          "getMembership().organization.id after signing up through the invite link should be the inviter's",
        ).toBe(before.organization.id);
      }
    },
  );

  add('signs out, and the next call is unauthorized', ['signOut', 'getCurrentUser'], async (adapter) => {
    await call(adapter, 'signOut')();
    await expectRejection('getCurrentUser() after signOut()', call(adapter, 'getCurrentUser')(), {
      codes: ['unauthorized'],
    });
  });

  add('signs in again with the right password', ['signUp', 'signOut', 'signIn', 'getCurrentUser'], async (adapter) => {
    const email = newEmail();
    const created = await call(adapter, 'signUp')({ email, password: goodPassword, ...(await invitation(adapter)) });
    await call(adapter, 'signOut')();
    const signedIn = await call(adapter, 'signIn')({ email, password: goodPassword });
    expect(signedIn.id, 'signIn(the new account, its password) should resolve to that account').toBe(created.id);
    expect((await call(adapter, 'getCurrentUser')()).id, 'getCurrentUser() after signIn').toBe(created.id);
  });

  add('refuses a wrong password', ['signIn', 'getCurrentUser'], async (adapter) => {
    const { email } = await call(adapter, 'getCurrentUser')();
    await expectRejection(
      `signIn({ email: '${email}', password: a wrong one })`,
      call(adapter, 'signIn')({ email, password: `${goodPassword}-wrong` }),
      { codes: ['unauthorized', 'validation'] },
    );
  });

  add(
    `refuses a password shorter than ${minPasswordLength} characters, naming the limit`,
    ['signUp'],
    async (adapter) => {
      const short = 'p'.repeat(minPasswordLength - 1);
      const error = await expectRejection(
        `signUp with a ${short.length}-character password (rules.minPasswordLength is ${minPasswordLength})`,
        call(adapter, 'signUp')({ email: newEmail(), password: short, ...(await invitation(adapter)) }),
        { codes: ['validation'], field: 'password' },
      );
      const messages = error.fieldErrors?.password?.join(' ') ?? '';
      expect(messages, `the password's field error should name the limit, ${minPasswordLength}`).toContain(
        String(minPasswordLength),
      );
    },
  );

  add(`refuses a password longer than ${maxPasswordLength} characters`, ['signUp'], async (adapter) => {
    await expectRejection(
      `signUp with a ${maxPasswordLength + 1}-character password (rules.maxPasswordLength is ${maxPasswordLength})`,
      call(
        adapter,
        'signUp',
      )({
        email: newEmail(),
        password: 'p'.repeat(maxPasswordLength + 1),
        ...(await invitation(adapter)),
      }),
      { codes: ['validation'], field: 'password' },
    );
  });

  add('refuses an email that already has an account', ['signUp', 'getCurrentUser'], async (adapter) => {
    const { email } = await call(adapter, 'getCurrentUser')();
    await expectRejection(
      `signUp({ email: '${email}' }), the signed-in user's`,
      call(adapter, 'signUp')({ email, password: goodPassword, ...(await invitation(adapter)) }),
      { codes: ['validation'], field: 'email' },
    );
  });

  add(
    "answers invite-invalid for a reset link's old token, and allows the new one",
    ['getSignUpPolicy', 'getInviteLink', 'resetInviteLink'],
    async (adapter) => {
      const old = inviteTokenOf((await call(adapter, 'getInviteLink')()).url);
      const fresh = inviteTokenOf((await call(adapter, 'resetInviteLink')()).url);
      if (!old || !fresh) assert.fail('the invite links should carry their token in ?token=');
      expect(
        await call(adapter, 'getSignUpPolicy')({ inviteToken: old }),
        "getSignUpPolicy({ inviteToken: the link's token before resetInviteLink })",
      ).toMatchObject({ allowed: false, reason: 'invite-invalid' });
      expect(
        (await call(adapter, 'getSignUpPolicy')({ inviteToken: fresh })).allowed,
        "getSignUpPolicy({ inviteToken: the new link's token }).allowed",
      ).toBe(true);
    },
  );

  add(
    "refuses to sign up with a reset link's old token",
    ['signUp', 'getInviteLink', 'resetInviteLink'],
    async (adapter) => {
      const old = inviteTokenOf((await call(adapter, 'getInviteLink')()).url);
      await call(adapter, 'resetInviteLink')();
      if (!old) assert.fail('the invite link should carry its token in ?token=');
      await expectRejection(
        "signUp with the link's token before resetInviteLink",
        call(adapter, 'signUp')({ email: newEmail(), password: goodPassword, inviteToken: old }),
        { codes: ['validation', 'forbidden'] },
      );
    },
  );

  section = 'abort';
  add('rejects with aborted when the signal has already fired', ['getCurrentUser'], async (adapter) => {
    const controller = new AbortController();
    controller.abort();
    await expectRejection(
      'getCurrentUser({ signal }) with an aborted signal',
      call(adapter, 'getCurrentUser')({ signal: controller.signal }),
      { codes: ['aborted'] },
    );
  });

  add(
    'changes nothing when a save is aborted before it starts',
    ['updateProfile', 'getCurrentUser'],
    async (adapter) => {
      const before = await call(adapter, 'getCurrentUser')();
      const controller = new AbortController();
      controller.abort();
      await expectRejection(
        "updateProfile({ firstName: 'Aborted' }, { signal }) with an aborted signal",
        call(adapter, 'updateProfile')({ firstName: 'Aborted' }, { signal: controller.signal }),
        { codes: ['aborted'] },
      );
      expect((await call(adapter, 'getCurrentUser')()).firstName, 'the first name after an aborted save').toBe(
        before.firstName,
      );
    },
  );

  add('rejects with aborted when the signal fires during the request', ['getCurrentUser'], async (adapter) => {
    const controller = new AbortController();
    const pending = call(adapter, 'getCurrentUser')({ signal: controller.signal });
    controller.abort();
    await expectRejection('getCurrentUser({ signal }) aborted while in flight', pending, { codes: ['aborted'] });
  });

  return cases;
}

/**
 * Registers a Vitest suite that checks an adapter against the contract: a round trip for
 * every method the backend serves, replace semantics of `saveHotkeys`, show-once personal
 * tokens, the backend's limits (`rules`, the default preset's unless given), error codes for bad
 * input, and aborting through `signal`. A case is registered only when the backend serves
 * every method it calls, and each failure says what was expected and what came.
 *
 * @example
 * // adapter.conformance.test.ts
 * import { describeAdapterConformance } from 'react-account-settings/testing';
 * describeAdapterConformance('my adapter', {
 *   createAdapter: () => createMyAdapter(testServerUrl),
 *   groups: ['profile', 'avatar'],
 *   methods: ['getTokenSettings', 'listPersonalTokens', 'createPersonalToken', 'revokePersonalToken'],
 *   rules: { maxAvatarBytes: 5 * 1024 * 1024 },
 * });
 */
export function describeAdapterConformance<A extends AccountAdapter>(
  name: string,
  options: AdapterConformanceOptions<A>,
): void {
  const cases = listConformanceCases(options);

  describe(`${name}: adapter conformance`, () => {
    let adapter: A;

    beforeEach(async () => {
      adapter = await options.createAdapter();
    });

    afterEach(async () => {
      await options.destroyAdapter?.(adapter);
    });

    const sections = [...new Set(cases.map((entry) => entry.section))];
    for (const section of sections) {
      const register = () => {
        for (const entry of cases.filter((candidate) => candidate.section === section)) {
          it(entry.name, () => entry.run(adapter));
        }
      };
      if (section === null) register();
      else describe(section, register);
    }
  });
}
