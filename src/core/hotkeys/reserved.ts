import { normalizeCombo } from './combo';
import type { HotkeyPlatform } from './types';
import { SERVER_BLOCKED_COMBOS } from './validate-overrides';

/** Whether a combo can be used: `ok`, `warning` (the browser may take it first) or `refused` (the operating system keeps it). */
export interface ReservedCheck {
  /** How usable the combo is. */
  level: 'ok' | 'warning' | 'refused';
  /** Why, fit to show; absent when the level is `ok`. */
  reason?: string;
}

/** The combos Label Studio's server refuses, normalized (`cmd` → `meta`, `option` → `alt`, `esc` → `escape`). */
const REFUSED = new Set(
  SERVER_BLOCKED_COMBOS.map((combo) => normalizeCombo(combo)).filter((combo): combo is string => combo !== null),
);

/** Combos browsers keep for themselves, with what they do there. */
const BROWSER_COMBOS = new Map<string, string>(
  (
    [
      ['t', 'opens a new tab'],
      ['w', 'closes the tab'],
      ['n', 'opens a new window'],
      ['shift+t', 'reopens the last closed tab'],
      ['shift+n', 'opens a new private window'],
      ['shift+w', 'closes the window'],
      ['tab', 'switches to the next tab'],
      ['shift+tab', 'switches to the previous tab'],
    ] as const
  ).flatMap(([combo, what]): [string, string][] => [
    [`ctrl+${combo}`, what],
    [normalizeCombo(`meta+${combo}`) as string, what],
  ]),
);
BROWSER_COMBOS.set('meta+q', 'quits the browser');

/**
 * Tells whether a combo is kept by the operating system (refused, as Label Studio's server refuses it) or
 * likely caught by the browser first (warning). Never throws; a combo that does not parse is `ok` here.
 */
export function checkReserved(combo: string, platform: HotkeyPlatform = 'other'): ReservedCheck {
  const normalized = typeof combo === 'string' ? normalizeCombo(combo, platform) : null;
  if (normalized === null) return { level: 'ok' };
  if (REFUSED.has(normalized)) {
    return {
      level: 'refused',
      reason: `${normalized} is kept by the operating system, so it can't be used as a shortcut.`,
    };
  }
  const what = BROWSER_COMBOS.get(normalized);
  if (what) {
    return {
      level: 'warning',
      reason: `The browser may catch ${normalized} first (it ${what}), so the shortcut may not reach the page.`,
    };
  }
  return { level: 'ok' };
}
