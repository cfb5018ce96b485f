import { formatCombo } from '../core/hotkeys/combo';
import { COMBO_VALUE_NAMES } from '../core/hotkeys/messages';
import type { BrowserActionCode, HotkeyMessage, HotkeyPlatform } from '../core/hotkeys/types';
import type { MessageKey, MessageValues } from './en';

const BROWSER_ACTIONS: ReadonlySet<string> = new Set<BrowserActionCode>([
  'new_tab',
  'close_tab',
  'new_window',
  'reopen_tab',
  'private_window',
  'close_window',
  'next_tab',
  'previous_tab',
  'quit',
]);

/** Lists names as the locale does ("a and b", "a, b und c"); plain commas where `Intl.ListFormat` is missing. */
function listNames(names: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * Turns a hotkeys message from the core (`parseCombo`, `checkReserved`, `parseHotkeyImport`)
 * into the catalogue's words: `hotkeys.problem.<code>`, with a browser action as
 * `hotkeys.browserAction.<code>`, lists of key names joined for the locale, and combos as
 * `platform` displays them (`⌥F4` on macOS, `Alt+F4` elsewhere).
 */
export function describeHotkeyMessage(
  message: HotkeyMessage,
  t: (key: MessageKey, values?: MessageValues) => string,
  locale = 'en-US',
  platform: HotkeyPlatform = 'other',
): string {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    const shown = COMBO_VALUE_NAMES.has(name)
      ? (combo: string) => formatCombo(combo, platform)
      : (text: string) => text;
    if (typeof value === 'number') values[name] = value;
    else values[name] = typeof value === 'string' ? shown(value) : listNames(value.map(shown), locale);
  }
  const action = message.values?.browserAction;
  if (typeof action === 'string' && BROWSER_ACTIONS.has(action)) {
    values.browserAction = t(`hotkeys.browserAction.${action as BrowserActionCode}`);
  }
  // Two keys read better as a word in English ("has two keys"), so they have a message of their own.
  // The file's settings have their words with the widget's (`hotkeys.importExport.settings*`).
  if (message.code === 'import_settings_not_object') return t('hotkeys.importExport.settingsNotObject', values);
  const key: MessageKey =
    message.code === 'combo_too_many_keys' && message.values?.count === 2
      ? 'hotkeys.problem.combo_two_keys'
      : `hotkeys.problem.${message.code}`;
  return t(key, values);
}
