import type { HotkeyRules } from './hotkeys/validate-overrides';
import type { AvatarLimits } from './image/validate-avatar-file';

/**
 * A backend's rules in one object: what the generic checks (`validateAvatarFile`,
 * `validateHotkeyOverrides`, `checkReserved`), the hooks, the memory adapter and the
 * conformance suite are given, so that every layer refuses what the server refuses.
 */
export interface AccountRules {
  /** The avatar limits: bytes, width, height and accepted types. */
  avatar: AvatarLimits;
  /** The longest first name, last name or phone number, in characters. */
  profileFieldMaxLength: number;
  /** The stored hotkey map's limits and the combos the server refuses. */
  hotkeys: HotkeyRules;
  /** The page sizes the members list offers, smallest first (the first is the default). */
  memberPageSizes: readonly number[];
  /** How many personal tokens may be active at once; `null` means no limit. */
  maxActivePersonalTokens: number | null;
  /** The shortest and longest password a new account may have, in characters. */
  password: PasswordRules;
}

/** The password lengths a backend accepts for a new account, in characters (code points). */
export interface PasswordRules {
  /** The fewest characters a password may have. */
  minLength: number;
  /** The most characters a password may have. */
  maxLength: number;
}
