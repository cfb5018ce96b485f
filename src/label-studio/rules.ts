import type { AccountRules } from '../core/rules';

/** Freezes an object and everything in it, so that no caller can change a rule for everyone. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Label Studio's server rules, the one source of every limit and table the library checks:
 * the hooks, the memory adapter, the conformance suite and the reference server read them
 * from here.
 *
 * @example
 * validateAvatarFile({ size: file.size, bytes: head }, labelStudioRules.avatar);
 */
export const labelStudioRules = deepFreeze({
  avatar: {
    maxWidth: 1200,
    maxHeight: 1200,
    maxBytes: 1024 * 1024,
    types: ['png', 'jpeg', 'gif'],
  },
  profileFieldMaxLength: 256,
  hotkeys: {
    maxOverrides: 200,
    maxIdLength: 100,
    maxKeyLength: 50,
    // Spelled as Label Studio's server spells them; checks normalize them.
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
  // users/forms.py: PASS_MIN_LENGTH and PASS_MAX_LENGTH of the sign-up form.
  password: { minLength: 8, maxLength: 64 },
} as const satisfies AccountRules);

/** The type of `labelStudioRules`, with its figures as literal types (page sizes `30 | 50 | 100`). */
export type LabelStudioRules = typeof labelStudioRules;
