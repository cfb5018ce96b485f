// The conformance suite's own behaviour: which cases it registers for a scope, and what its
// failures say when an adapter breaks the contract. Each broken adapter here is run through
// one case body, as describeAdapterConformance would run it.
import { describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, withoutMethods } from '../../src/adapters/memory';
import { ADAPTER_METHOD_NAMES, type AccountAdapter, type AdapterMethodName } from '../../src/adapters/types';
import { readImageHeader } from '../../src/core/image';
import { listConformanceCases, type ConformanceScope } from '../../src/testing/conformance';
import { DEFAULT_CONFORMANCE_RULES, makePng } from '../../src/testing';

const WITHOUT_LEGACY: AdapterMethodName[] = ADAPTER_METHOD_NAMES.filter(
  (method) => method !== 'getLegacyToken' && method !== 'renewLegacyToken',
);

/** Runs the named case of a scope against an adapter and returns the failure message, or null when it passed. */
async function failureOf(
  adapter: AccountAdapter,
  caseName: string,
  scope: ConformanceScope = {},
): Promise<string | null> {
  const found = listConformanceCases(scope).find((entry) => entry.name === caseName);
  if (!found) throw new Error(`no case named "${caseName}"`);
  try {
    await found.run(adapter);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('conformance failures say what was expected and what came', () => {
  const tooLong = 'refuses 257 characters with a field error and keeps the old value';

  it('passes the memory adapter, so the broken ones below fail for their fault alone', async () => {
    expect(await failureOf(createMemoryAdapter(), tooLong)).toBeNull();
    expect(await failureOf(createMemoryAdapter(), 'trims surrounding spaces')).toBeNull();
  });

  it('names the expected code and the resolved value when a refused call succeeds', async () => {
    const memory = createMemoryAdapter();
    const lax: AccountAdapter = {
      ...memory,
      async updateProfile(patch) {
        return { ...(await memory.getCurrentUser()), ...patch };
      },
    };
    const message = await failureOf(lax, tooLong);
    expect(message).toContain(
      "updateProfile with a 257-character first name (rules.maxProfileFieldLength is 256) should reject with AccountError code 'validation' with fieldErrors.firstName; it resolved with {",
    );
    // The resolved user is shown, with the long name cut short.
    expect(message).toContain('"firstName":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (257 characters)"');
  });

  it('names the code that came when the rejection has the wrong code', async () => {
    const failing = createMemoryAdapter({ fail: { updateProfile: 'server' } });
    const message = await failureOf(failing, tooLong);
    expect(message).toContain("should reject with AccountError code 'validation' with fieldErrors.firstName");
    expect(message).toContain(
      '; it rejected with AccountError code \'server\' (status 500): "The server had a problem. Try again in a moment."',
    );
  });

  it('says when the right code comes without the field error', async () => {
    const memory = createMemoryAdapter();
    const vague: AccountAdapter = {
      ...memory,
      updateProfile: () => Promise.reject(new AccountError('validation', 'Bad input.', { status: 400 })),
    };
    expect(await failureOf(vague, tooLong)).toContain(
      "should reject with AccountError code 'validation' with fieldErrors.firstName; it rejected with AccountError code 'validation' (status 400): \"Bad input.\"",
    );
  });

  it('says when a rejection is not an AccountError', async () => {
    const memory = createMemoryAdapter();
    const raw: AccountAdapter = { ...memory, updateProfile: () => Promise.reject(new TypeError('fetch failed')) };
    expect(await failureOf(raw, tooLong)).toContain(
      'it rejected with TypeError: fetch failed, which is not an AccountError',
    );
  });

  it('shows the value that came for a value check', async () => {
    const memory = createMemoryAdapter();
    const untrimmed: AccountAdapter = {
      ...memory,
      async updateProfile(patch) {
        return { ...(await memory.getCurrentUser()), ...patch };
      },
    };
    expect(await failureOf(untrimmed, 'trims surrounding spaces')).toMatch(
      /updateProfile\(\{ firstName: ' {2}Ada {2}' \}\) should store the name trimmed: expected ' {2}Ada {2}' to be 'Ada'/,
    );
  });

  it('names the rule when an adapter with larger avatars runs with the default rules', async () => {
    const generous = createMemoryAdapter({ avatarLimits: { maxBytes: 5 * 1024 * 1024 } });
    const message = await failureOf(generous, 'refuses a file over 1024 KB');
    expect(message).toContain(
      "uploadAvatar(a PNG of 1048577 bytes; rules.maxAvatarBytes is 1048576) should reject with AccountError code 'too_large' or 'validation'; it resolved with {",
    );
    // The same adapter passes once the rule says 5 MB.
    const rules = { maxAvatarBytes: 5 * 1024 * 1024 };
    expect(await failureOf(generous, 'refuses a file over 5 MB', { rules })).toBeNull();
  });

  it('says which declared method the adapter lacks', async () => {
    const adapter = withoutMethods(createMemoryAdapter(), ['renewLegacyToken']);
    expect(await failureOf(adapter, 'renews the legacy token to a new value')).toBe(
      'adapter.renewLegacyToken should be a function, since the suite was told the backend serves it; it is undefined',
    );
    expect(await failureOf(adapter, 'has every method the backend serves')).toMatch(
      'the suite was told the backend serves these methods (by groups and methods), but the adapter lacks them: "renewLegacyToken"',
    );
  });

  it('says which left-out method the adapter still has', async () => {
    const message = await failureOf(
      createMemoryAdapter(),
      'leaves out getLegacyToken and renewLegacyToken, as declared',
      {
        methods: WITHOUT_LEGACY,
      },
    );
    expect(message).toMatch(
      /should be left out \(the components then hide their controls\), but the adapter has them: "getLegacyToken", "renewLegacyToken"$/,
    );
  });
});

describe('conformance failures of the session and removal cases', () => {
  const shortPassword = 'refuses a password shorter than 8 characters, naming the limit';

  it('passes the memory adapter', async () => {
    expect(await failureOf(createMemoryAdapter(), shortPassword)).toBeNull();
    expect(await failureOf(createMemoryAdapter(), 'refuses to remove the signed-in user')).toBeNull();
  });

  it("says when a short password's field error doesn't name the limit", async () => {
    const memory = createMemoryAdapter();
    const vague: AccountAdapter = {
      ...memory,
      signUp: () =>
        Promise.reject(
          new AccountError('validation', 'Weak password.', { status: 400, fieldErrors: { password: ['Too weak.'] } }),
        ),
    };
    expect(await failureOf(vague, shortPassword)).toContain(
      "the password's field error should name the limit, 8: expected 'Too weak.' to contain '8'",
    );
  });

  it('says when removing yourself succeeds', async () => {
    const memory = createMemoryAdapter();
    const careless: AccountAdapter = { ...memory, removeMember: () => Promise.resolve() };
    expect(await failureOf(careless, 'refuses to remove the signed-in user')).toMatch(
      /^removeMember\('[^']+'\), the signed-in user should reject with AccountError code 'forbidden' or 'conflict' or 'validation'; it resolved with undefined/,
    );
  });

  it('says when a signed-out adapter still answers', async () => {
    const memory = createMemoryAdapter();
    const sticky: AccountAdapter = { ...memory, signOut: () => Promise.resolve() };
    expect(await failureOf(sticky, 'signs out, and the next call is unauthorized')).toContain(
      "getCurrentUser() after signOut() should reject with AccountError code 'unauthorized'; it resolved with {",
    );
  });
});

describe('conformance cases per method', () => {
  const names = (scope: ConformanceScope) => listConformanceCases(scope).map((entry) => entry.name);

  it('registers the personal token cases without the legacy ones for a backend with no legacy token', () => {
    const registered = names({ methods: WITHOUT_LEGACY });
    expect(registered).toEqual(
      expect.arrayContaining([
        'creates a personal token and lists it without its secret',
        'refuses a token over the active limit with a conflict',
        'revokes a token, which frees its place',
        'leaves out getLegacyToken and renewLegacyToken, as declared',
      ]),
    );
    expect(registered).not.toContain('reads the same legacy token twice');
    expect(registered).not.toContain('renews the legacy token to a new value');
    expect(registered).toHaveLength(names({}).length - 2 + 1);
  });

  it('registers only the chosen groups and methods, and a check that the rest is left out', () => {
    const cases = listConformanceCases({ groups: ['profile'], methods: ['getHotkeys'] });
    const needed = new Set(cases.flatMap((entry) => entry.needs));
    expect([...needed].sort()).toEqual(['getCurrentUser', 'getHotkeys', 'updateProfile']);
    expect(cases.map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        'starts with no overrides',
        'leaves out every avatar method, as declared',
        'leaves out saveHotkeys, as declared',
      ]),
    );
  });

  it('takes the rules into the cases and their names', () => {
    const registered = names({
      rules: { maxAvatarBytes: 5 * 1024 * 1024, maxProfileFieldLength: 100, maxActivePersonalTokens: Infinity },
    });
    expect(registered).toEqual(
      expect.arrayContaining([
        'accepts a file of exactly 5 MB',
        'refuses a file over 5 MB',
        'accepts 100 characters in a field',
        'refuses 101 characters with a field error and keeps the old value',
        'creates tokens without a limit',
      ]),
    );
    expect(registered).not.toContain('refuses a token over the active limit with a conflict');
  });

  it('drops the reserved-combo case when the backend reserves none', () => {
    expect(names({})).toContain('refuses a reserved combo and keeps the stored map');
    expect(names({ rules: { reservedHotkeyCombos: [] } })).not.toContain(
      'refuses a reserved combo and keeps the stored map',
    );
  });

  it("defaults to Label Studio's rules", () => {
    expect(DEFAULT_CONFORMANCE_RULES).toEqual({
      maxProfileFieldLength: 256,
      maxAvatarBytes: 1024 * 1024,
      maxAvatarWidth: 1200,
      maxAvatarHeight: 1200,
      avatarTypes: ['png', 'jpeg', 'gif'],
      maxActivePersonalTokens: 1,
      maxHotkeyOverrides: 200,
      maxHotkeyKeyLength: 50,
      reservedHotkeyCombos: expect.arrayContaining(['alt+f4', 'cmd+tab']),
      minPasswordLength: 8,
      maxPasswordLength: 64,
    });
  });

  it('refuses an unknown group or method, and rules that leave out PNG, in words', () => {
    expect(() => listConformanceCases({ groups: ['billing' as 'profile'] })).toThrow(
      "describeAdapterConformance: unknown group 'billing'; the groups are profile, avatar, email, membership, tokens, hotkeys, hotkeySettings, projects, people, session.",
    );
    expect(() => listConformanceCases({ methods: ['getBilling' as AdapterMethodName] })).toThrow(
      "describeAdapterConformance: unknown method 'getBilling'",
    );
    expect(() => listConformanceCases({ rules: { avatarTypes: ['jpeg'] } })).toThrow(
      "rules.avatarTypes must include 'png'",
    );
  });
});

describe('makePng with a byte length', () => {
  it('makes a PNG of exactly that many bytes whose header still reads', () => {
    const png = makePng(16, 8, { byteLength: 1024 * 1024 + 1 });
    expect(png.length).toBe(1024 * 1024 + 1);
    expect(readImageHeader(png)).toEqual({ ok: true, type: 'png', width: 16, height: 8 });
    expect(makePng(16, 8, { byteLength: makePng(16, 8).length })).toEqual(makePng(16, 8));
  });

  it('says which sizes it can make', () => {
    const plain = makePng(2, 2).length;
    expect(() => makePng(2, 2, { byteLength: plain + 5 })).toThrow(
      `A 2 × 2 PNG takes ${plain} bytes, or at least ${plain + 12} when padded; ${plain + 5} bytes can't be made.`,
    );
  });
});
