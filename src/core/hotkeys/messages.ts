import { formatCombo } from './combo';
import type { BrowserActionCode, HotkeyMessage, HotkeyMessageCode, HotkeyMessageValues, HotkeyPlatform } from './types';

/**
 * The English words of every hotkeys message, with `{placeholders}` for its values. Components
 * show the message catalogue's words instead (`hotkeys.problem.<code>`); these are for Node and
 * for callers without a catalogue.
 */
const ENGLISH: Record<HotkeyMessageCode, string> = {
  combo_not_text: 'The shortcut is not text.',
  combo_empty: 'The shortcut is empty.',
  combo_trailing_plus: '"{shortcut}" has no key after the last "+". Write the plus key as "plus".',
  combo_empty_part: '"{shortcut}" has an empty part between two "+".',
  combo_unknown_key: '"{key}" is not a key name.',
  combo_no_key: '"{shortcut}" has no key, only modifiers.',
  combo_too_many_keys: '"{shortcut}" has {count} keys: {keys}. A shortcut has one key.',
  reserved_os: "{combo} is kept by the operating system, so it can't be used as a shortcut.",
  reserved_browser: 'The browser may catch {combo} first (it {browserAction}), so the shortcut may not reach the page.',
  import_not_text: 'The file could not be read as text.',
  import_empty: 'The file is empty.',
  import_too_large: 'The file is {bytes} bytes. The largest allowed is {max} bytes (1 MB).',
  import_invalid_json: 'The file is not valid JSON: {detail}',
  import_hotkeys_not_list: '"hotkeys" must be a list of shortcuts.',
  import_not_export:
    'The file is not a hotkeys export: expected an object with a "hotkeys" list, or a list of shortcuts.',
  import_too_many_entries: 'The file has {count} shortcuts. The most allowed is {max}.',
  import_entry_not_object: 'Entry {entry} is not an object with section, element and key.',
  import_field_missing: 'Entry {entry} has no "{field}".',
  import_field_not_text: 'Entry {entry}: "{field}" must be text.',
  import_field_empty: 'Entry {entry}: "{field}" is empty.',
  import_id_invalid: 'Entry {entry}: "id" must be text or a number.',
  import_active_invalid: 'Entry {entry}: "active" must be true or false.',
  import_unknown_action: 'Entry {entry}: unknown action "{action}", ignored.',
  import_reserved_os: "Entry {entry}: {combo} is kept by the operating system, so it can't be used as a shortcut.",
  import_reserved_browser:
    'Entry {entry}: the browser may catch {combo} first (it {browserAction}), so the shortcut may not reach the page.',
  import_duplicate: 'Entry {entry} sets "{action}" again; the last one wins.',
  import_key_skipped: 'Entry {entry}: the shortcut "{shortcut}" for "{action}" is skipped. {reason}',
  import_key_list_skipped:
    'Entry {entry}: the shortcut "{shortcut}" for "{action}" is skipped. It lists {count} different shortcuts ({combos}), and one is needed here.',
  import_reserved_skipped:
    'Entry {entry}: the shortcut {combo} for "{action}" is skipped. The operating system keeps it, so it can\'t be used as a shortcut here.',
  import_settings_not_object: '"settings" must be an object of hotkey settings.',
};

/** What browsers do with the combos they keep, in English. */
const BROWSER_ACTIONS: Record<BrowserActionCode, string> = {
  new_tab: 'opens a new tab',
  close_tab: 'closes the tab',
  new_window: 'opens a new window',
  reopen_tab: 'reopens the last closed tab',
  private_window: 'opens a new private window',
  close_window: 'closes the window',
  next_tab: 'switches to the next tab',
  previous_tab: 'switches to the previous tab',
  quit: 'quits the browser',
};

const numberFormat = new Intl.NumberFormat('en-US');

/** Lists names in English: `a and b`, `a, b and c`. */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The values that hold normalized combos, which messages show as the platform displays them. */
export const COMBO_VALUE_NAMES: ReadonlySet<string> = new Set(['combo', 'combos']);

/** One value as English text, combos as `platform` displays them. */
function englishValue(name: string, value: string | number | readonly string[], platform: HotkeyPlatform): string {
  if (typeof value === 'number') return numberFormat.format(value);
  const combo = COMBO_VALUE_NAMES.has(name);
  if (typeof value !== 'string') return listNames(combo ? value.map((c) => formatCombo(c, platform)) : value);
  if (name === 'browserAction') return BROWSER_ACTIONS[value as BrowserActionCode] ?? value;
  return combo ? formatCombo(value, platform) : value;
}

/**
 * Writes a hotkeys message in English, the words `parseCombo`, `checkReserved` and
 * `parseHotkeyImport` give by default, with combos as the platform displays them. Never throws;
 * an unknown code gives the code.
 * @param platform - how combos are shown: `⌥F4` on `mac`, `Alt+F4` elsewhere.
 *
 * @example
 * formatHotkeyMessage({ code: 'reserved_os', values: { combo: 'alt+f4' } });
 * // "Alt+F4 is kept by the operating system, so it can't be used as a shortcut."
 */
export function formatHotkeyMessage(message: HotkeyMessage, platform: HotkeyPlatform = 'other'): string {
  const template = ENGLISH[message?.code] ?? String(message?.code ?? '');
  const values: HotkeyMessageValues = message?.values ?? {};
  // Two keys read better as a word: "has two keys: a and b".
  const count = message?.code === 'combo_too_many_keys' && values.count === 2 ? 'two' : undefined;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (name === 'count' && count) return count;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? placeholder : englishValue(name, value, platform);
  });
}

/** Builds a message and its English text together, as the functions that return a `reason` or `message` need. */
export function hotkeyMessage<C extends HotkeyMessageCode>(
  code: C,
  values: HotkeyMessageValues = {},
): HotkeyMessage<C> & { text: string } {
  return { code, values, text: formatHotkeyMessage({ code, values }) };
}
