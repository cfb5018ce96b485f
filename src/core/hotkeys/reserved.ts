import { normalizeCombo } from './combo';
import { formatHotkeyMessage } from './messages';
import type { BrowserActionCode, HotkeyMessageValues, HotkeyPlatform, ReservedCode } from './types';
import { SERVER_BLOCKED_COMBOS } from './validate-overrides';

/** Whether a combo can be used: `ok`, `warning` (the browser may take it first) or `refused` (the operating system keeps it). */
export interface ReservedCheck {
  /** How usable the combo is. */
  level: 'ok' | 'warning' | 'refused';
  /** Why, fit to show (in English); absent when the level is `ok`. */
  reason?: string;
  /** Why, as a code for messages in other words or languages; absent when the level is `ok`. */
  code?: ReservedCode;
  /** The values for `code`: the normalized `combo`, and for `reserved_browser` the `browserAction`. */
  values?: HotkeyMessageValues;
}

/** The combos Label Studio's server refuses, normalized (`cmd` → `meta`, `option` → `alt`, `esc` → `escape`). */
const REFUSED = new Set(
  SERVER_BLOCKED_COMBOS.map((combo) => normalizeCombo(combo)).filter((combo): combo is string => combo !== null),
);

/** Combos browsers keep for themselves, with what they do there. */
const BROWSER_COMBOS = new Map<string, BrowserActionCode>(
  (
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
);
BROWSER_COMBOS.set('meta+q', 'quit');

/** A result that is not `ok`, with its English reason. */
function reserved(level: 'warning' | 'refused', code: ReservedCode, values: HotkeyMessageValues): ReservedCheck {
  return { level, reason: formatHotkeyMessage({ code, values }), code, values };
}

/**
 * Tells whether a combo is kept by the operating system (refused, as Label Studio's server refuses it) or
 * likely caught by the browser first (warning). Never throws; a combo that does not parse is `ok` here.
 */
export function checkReserved(combo: string, platform: HotkeyPlatform = 'other'): ReservedCheck {
  const normalized = typeof combo === 'string' ? normalizeCombo(combo, platform) : null;
  if (normalized === null) return { level: 'ok' };
  if (REFUSED.has(normalized)) return reserved('refused', 'reserved_os', { combo: normalized });
  const browserAction = BROWSER_COMBOS.get(normalized);
  if (browserAction) return reserved('warning', 'reserved_browser', { combo: normalized, browserAction });
  return { level: 'ok' };
}
