import { normalizeCombo } from './combo';
import { formatHotkeyMessage } from './messages';
import type { BrowserActionCode, HotkeyMessageValues, HotkeyPlatform, ReservedCode } from './types';

/** Whether a combo can be used: `ok`, `warning` (the browser may take it first) or `refused` (the operating system keeps it). */
export interface ReservedCheck {
  /** How usable the combo is. */
  level: 'ok' | 'warning' | 'refused';
  /** Why, fit to show (in English, the combo as the platform displays it); absent when the level is `ok`. */
  reason?: string;
  /** Why, as a code for messages in other words or languages; absent when the level is `ok`. */
  code?: ReservedCode;
  /** The values for `code`: the normalized `combo`, and for `reserved_browser` the `browserAction`. */
  values?: HotkeyMessageValues;
}

/** The normalized form of each refused list seen, so a rules table is normalized once. */
const refusedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A refused list normalized (`cmd` → `meta`, `option` → `alt`, `esc` → `escape`). */
function normalizedRefused(refused: readonly string[]): ReadonlySet<string> {
  let set = refusedSets.get(refused);
  if (!set) {
    set = new Set(refused.map((combo) => normalizeCombo(combo)).filter((combo): combo is string => combo !== null));
    refusedSets.set(refused, set);
  }
  return set;
}

/** Combos browsers keep for themselves, with what they do there (normalized); `checkReserved` warns about them. */
export const BROWSER_COMBOS: ReadonlyMap<string, BrowserActionCode> = new Map<string, BrowserActionCode>([
  ...(
    [
      ['t', 'new_tab'],
      ['w', 'close_tab'],
      ['n', 'new_window'],
      ['shift+t', 'reopen_tab'],
      ['shift+n', 'private_window'],
      ['shift+w', 'close_window'],
      ['tab', 'next_tab'],
      ['shift+tab', 'previous_tab'],
    ] as const
  ).flatMap(([combo, what]): [string, BrowserActionCode][] => [
    [`ctrl+${combo}`, what],
    [normalizeCombo(`meta+${combo}`) as string, what],
  ]),
  ['meta+q', 'quit'],
]);

/** A result that is not `ok`, with its English reason. */
function reserved(
  level: 'warning' | 'refused',
  code: ReservedCode,
  values: HotkeyMessageValues,
  platform: HotkeyPlatform,
): ReservedCheck {
  return { level, reason: formatHotkeyMessage({ code, values }, platform), code, values };
}

/** What `checkReserved` checks a combo against. */
export interface ReservedCombos {
  /** Operating-system combos the server refuses, in any spelling `normalizeCombo` reads (a backend's `rules.hotkeys.blockedCombos`). */
  refused: readonly string[];
  /** Combos the browser may catch first, normalized, with what the browser does. @default the common browser shortcuts (new tab, close tab, quit, …) */
  warned?: ReadonlyMap<string, BrowserActionCode>;
  /** The platform `mod` is read for and `reason` shows the combo for. @default 'other' */
  platform?: HotkeyPlatform;
}

/**
 * Tells whether a combo is kept by the operating system (refused, as the server refuses it) or
 * likely caught by the browser first (warning). Never throws; a combo that does not parse is `ok` here.
 *
 * @example
 * checkReserved('alt+f4', { refused: rules.hotkeys.blockedCombos }); // { level: 'refused', … }
 */
export function checkReserved(combo: string, combos: ReservedCombos): ReservedCheck {
  const platform = combos?.platform ?? 'other';
  const normalized = typeof combo === 'string' ? normalizeCombo(combo, platform) : null;
  if (normalized === null) return { level: 'ok' };
  const refused = Array.isArray(combos?.refused) ? normalizedRefused(combos.refused) : new Set<string>();
  if (refused.has(normalized)) return reserved('refused', 'reserved_os', { combo: normalized }, platform);
  const browserAction = (combos?.warned ?? BROWSER_COMBOS).get(normalized);
  if (browserAction) return reserved('warning', 'reserved_browser', { combo: normalized, browserAction }, platform);
  return { level: 'ok' };
}
