// Label Studio has one home in src/: src/label-studio/. Everything else is generic and takes
// definitions and rules as input, so this test reads every file under src/ the way
// `grep -ri "label studio\|labelStudio" src` does and lists each line that names Label Studio
// elsewhere (the root entry's re-exports excepted).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as hotkeys from '../../src/core/hotkeys';
import * as image from '../../src/core/image';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { labelStudioPreset, labelStudioRules } from '../../src/label-studio';
import { DEFAULT_CONFORMANCE_RULES, toConformanceRules } from '../../src/testing/conformance';
import { MEMBER_PAGE_SIZES } from '../../src/hooks/use-members';
import { PROFILE_FIELD_MAX_LENGTH } from '../../src/hooks/use-profile-form';
import { ACCOUNT_SECTIONS } from '../../src/hooks/use-account-settings';
import { makePng } from '../../src/testing/image-fixtures';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const NAMES_LABEL_STUDIO = /label studio|labelstudio/i;
const ALLOWED = [/^src\/label-studio\//, /^src\/index\.ts$/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the Label Studio home', () => {
  it('is the only place in src/ that names Label Studio (besides the root entry)', () => {
    const offending = filesUnder(join(root, 'src'))
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (NAMES_LABEL_STUDIO.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offending, 'lines outside src/label-studio/ that name Label Studio').toEqual([]);
  });

  it('finds such a line where one is (the check itself can fail)', () => {
    expect(NAMES_LABEL_STUDIO.test("// the server's limit, as Label Studio has it")).toBe(true);
    expect(NAMES_LABEL_STUDIO.test('const limit = labelStudioRules.avatar;')).toBe(true);
    expect(NAMES_LABEL_STUDIO.test("import * as defaultPreset from '../label-studio/default-preset';")).toBe(false);
  });

  it('keeps the core free of Label Studio exports: its facts come from the label-studio module', () => {
    for (const name of [
      'SERVER_BLOCKED_COMBOS',
      'MAX_HOTKEY_OVERRIDES',
      'toLabelStudioExport',
      'labelStudioDefaultHotkeys',
    ]) {
      expect(hotkeys, name).not.toHaveProperty(name);
    }
    expect(image).not.toHaveProperty('DEFAULT_AVATAR_LIMITS');
  });
});

describe('labelStudioRules, the one source of every rule', () => {
  it("holds Label Studio's figures and tables", () => {
    expect(labelStudioRules).toEqual({
      avatar: { maxWidth: 1200, maxHeight: 1200, maxBytes: 1_048_576, types: ['png', 'jpeg', 'gif'] },
      profileFieldMaxLength: 256,
      hotkeys: {
        maxOverrides: 200,
        maxIdLength: 100,
        maxKeyLength: 50,
        blockedCombos: [
          'ctrl+alt+delete',
          'cmd+alt+escape',
          'alt+f4',
          'ctrl+alt+esc',
          'cmd+option+esc',
          'ctrl+shift+esc',
          'cmd+shift+q',
          'alt+tab',
          'cmd+tab',
          'ctrl+alt+t',
          'cmd+space',
        ],
      },
      memberPageSizes: [30, 50, 100],
      maxActivePersonalTokens: 1,
      password: { minLength: 8, maxLength: 64 },
    });
    expect(labelStudioPreset.rules).toBe(labelStudioRules);
  });

  it('cannot be changed by a caller, not even deep inside', () => {
    expect(() => {
      (labelStudioRules.avatar as { maxBytes: number }).maxBytes = 5;
    }).toThrow(TypeError);
    expect(() => (labelStudioRules.hotkeys.blockedCombos as unknown as string[]).push('ctrl+k')).toThrow(TypeError);
    expect(labelStudioRules.avatar.maxBytes).toBe(1_048_576);
  });

  it('is what the hooks, the settings page and the conformance suite fall back to', () => {
    expect(PROFILE_FIELD_MAX_LENGTH).toBe(labelStudioRules.profileFieldMaxLength);
    expect(MEMBER_PAGE_SIZES).toBe(labelStudioRules.memberPageSizes);
    expect(ACCOUNT_SECTIONS).toBe(labelStudioPreset.accountSections);
    expect(DEFAULT_CONFORMANCE_RULES).toEqual(toConformanceRules(labelStudioRules));
    expect(DEFAULT_CONFORMANCE_RULES.reservedHotkeyCombos).toBe(labelStudioRules.hotkeys.blockedCombos);
  });

  it('drives the memory adapter, which enforces other rules when given them', async () => {
    const defaults = createMemoryAdapter();
    await expect(defaults.updateProfile({ firstName: 'x'.repeat(257) })).rejects.toMatchObject({ code: 'validation' });
    expect((await defaults.getTokenSettings()).maxActivePersonalTokens).toBe(1);

    const roomy = createMemoryAdapter({
      rules: {
        ...labelStudioRules,
        profileFieldMaxLength: 300,
        maxActivePersonalTokens: 3,
        avatar: { ...labelStudioRules.avatar, maxWidth: 2000, maxHeight: 2000 },
        hotkeys: { ...labelStudioRules.hotkeys, blockedCombos: [] },
      },
    });
    expect((await roomy.updateProfile({ firstName: 'x'.repeat(300) })).firstName).toHaveLength(300);
    expect((await roomy.getTokenSettings()).maxActivePersonalTokens).toBe(3);
    await expect(roomy.saveHotkeys({ 'system:close': { key: 'alt+f4' } })).resolves.toEqual({
      'system:close': { key: 'alt+f4' },
    });
    await expect(defaults.saveHotkeys({ 'system:close': { key: 'alt+f4' } })).rejects.toMatchObject({
      code: 'validation',
    });
    const wide = new Blob([makePng(1500, 10)], { type: 'image/png' });
    await expect(roomy.uploadAvatar(wide)).resolves.toMatchObject({ avatarUrl: expect.stringMatching(/^data:/) });
    await expect(defaults.uploadAvatar(wide)).rejects.toMatchObject({ code: 'validation' });
  });

  it('is checked by the generic functions only when passed to them', () => {
    const generous = { ...labelStudioRules.avatar, maxWidth: 2000 };
    const png = makePng(1500, 10);
    expect(image.validateAvatarFile({ size: png.length, bytes: png }, labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'too_many_pixels',
    });
    expect(image.validateAvatarFile({ size: png.length, bytes: png }, generous)).toMatchObject({ ok: true });
    expect(hotkeys.checkReserved('alt+f4', { refused: labelStudioRules.hotkeys.blockedCombos }).level).toBe('refused');
    expect(hotkeys.checkReserved('alt+f4', { refused: [] }).level).toBe('ok');
    expect(hotkeys.checkReserved('ctrl+t', { refused: [] }).level).toBe('warning');
  });
});
