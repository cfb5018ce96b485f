import { bindingFromDefinition, overrideId, sameCombo } from './bindings';
import { parseCombo } from './combo';
import { formatHotkeyMessage } from './messages';
import { checkReserved } from './reserved';
import type {
  HotkeyBinding,
  HotkeyDefinition,
  HotkeyImportResult,
  HotkeyMessage,
  HotkeyMessageValues,
  ImportProblem,
  HotkeyExportEntry,
  HotkeyPlatform,
  ImportProblemCode,
} from './types';
import type { HotkeyRules } from './validate-overrides';
import { hotkeySettingsProblem } from './validate-settings';

/** The largest hotkeys file `parseHotkeyImport` reads, in UTF-8 bytes. */
export const MAX_HOTKEY_IMPORT_BYTES = 1_000_000;

/** The length of a text in UTF-8 bytes, counted as `TextEncoder` counts it (a lone surrogate is 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a value is an object other than an array. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a parsed object; `__proto__`, `constructor` and `prototype` are never read. */
function own(entry: Record<string, unknown>, field: string): unknown {
  return Object.hasOwn(entry, field) ? entry[field] : undefined;
}

/** Whether a value is a definition with a section and an element. */
function isDefinition(value: unknown): value is HotkeyDefinition {
  return isPlainObject(value) && typeof value.section === 'string' && typeof value.element === 'string';
}

/** Options of `parseHotkeyImport`. */
export interface ParseHotkeyImportOptions {
  /** The server's hotkey rules: a file may have at most `maxOverrides` entries, and `blockedCombos` are refused. */
  rules: Pick<HotkeyRules, 'maxOverrides' | 'blockedCombos'>;
  /**
   * Writes each problem's `message` from its code and values, for messages in other words or
   * languages; the nested reason of `import_key_skipped` is written with it too.
   * @default formatHotkeyMessage (English)
   */
  formatMessage?: (message: HotkeyMessage) => string;
  /**
   * How the English messages show combos: `⌥F4` on `mac`, `Alt+F4` elsewhere (a custom
   * `formatMessage` gets the normalized combos and shows them itself).
   * @default 'other'
   */
  platform?: HotkeyPlatform;
}

/**
 * The parts of a keymaster comma list (`ctrl+z, command+z`: several combos for one action), or
 * null when the key is one combo; a comma that ends the key is the comma key (`ctrl+,`), as
 * keymaster reads it.
 */
function keymasterList(key: string): string[] | null {
  if (!key.includes(',')) return null;
  const parts = key.split(',');
  if (parts.length > 1 && (parts[parts.length - 1] as string).trim() === '') {
    parts.pop();
    parts[parts.length - 1] += ',';
  }
  return parts.length > 1 ? parts : null;
}

/** Whether the server would refuse a key as written: it compares the trimmed, lower-cased text with its blocked list. */
function blockedAsWritten(key: string, blocked: readonly string[]): boolean {
  const written = key.trim().toLowerCase();
  return blocked.some((combo) => typeof combo === 'string' && combo.trim().toLowerCase() === written);
}

/** What one valid entry for a known action sets. */
interface ImportedSetting {
  definition: HotkeyDefinition;
  key: string;
  active: boolean;
}

/**
 * Reads a hotkeys export (`{ hotkeys: [...] }`, or a bare list of entries) and checks every entry
 * against the known actions and the server's rules, listing every problem with its entry index and
 * field. Never throws.
 *
 * @example
 * parseHotkeyImport(text, definitions, { rules: rules.hotkeys }); // rules: the backend's AccountRules
 */
export function parseHotkeyImport(
  text: string,
  defaults: readonly HotkeyDefinition[],
  options: ParseHotkeyImportOptions,
): HotkeyImportResult {
  const maxEntries = options?.rules?.maxOverrides ?? 0;
  const refused = options?.rules?.blockedCombos ?? [];
  const custom = typeof options?.formatMessage === 'function' ? options.formatMessage : null;
  const platform: HotkeyPlatform = options?.platform === 'mac' ? 'mac' : 'other';
  const format = (message: HotkeyMessage): string => {
    if (custom) {
      try {
        const written = custom(message);
        if (typeof written === 'string') return written;
      } catch {
        // A formatter that fails must not make the import throw: English still says what is wrong.
      }
    }
    return formatHotkeyMessage(message, platform);
  };
  const say = (code: ImportProblemCode, values: HotkeyMessageValues = {}) => format({ code, values });
  /** A failed import with one error. */
  const refuse = (message: string, field?: string): HotkeyImportResult => {
    const problem: ImportProblem = field === undefined ? { message } : { field, message };
    return { ok: false, bindings: [], errors: [problem], warnings: [] };
  };

  if (typeof text !== 'string') return refuse(say('import_not_text'));
  if (text.trim() === '') return refuse(say('import_empty'));
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_HOTKEY_IMPORT_BYTES) return refuse(say('import_too_large', { bytes, max: MAX_HOTKEY_IMPORT_BYTES }));

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(say('import_invalid_json', { detail }));
  }

  // The file's `settings` (a backend's stored hotkey settings), checked like the server checks them.
  let settings: Record<string, unknown> | undefined;
  let settingsRefused = false;
  if (isPlainObject(data) && Object.hasOwn(data, 'settings')) {
    if (hotkeySettingsProblem(data.settings) === null) settings = data.settings as Record<string, unknown>;
    else settingsRefused = true;
  }

  let entries: unknown[];
  if (Array.isArray(data)) {
    entries = data;
  } else if (isPlainObject(data) && Object.hasOwn(data, 'hotkeys')) {
    const hotkeys = data.hotkeys;
    if (!Array.isArray(hotkeys)) return refuse(say('import_hotkeys_not_list'), 'hotkeys');
    entries = hotkeys;
  } else {
    return refuse(say('import_not_export'));
  }
  if (entries.length > maxEntries) {
    return refuse(say('import_too_many_entries', { count: entries.length, max: maxEntries }), 'hotkeys');
  }

  const known = new Map<string, HotkeyDefinition>();
  if (Array.isArray(defaults)) {
    for (const definition of defaults) {
      if (isDefinition(definition)) known.set(overrideId(definition), definition);
    }
  }

  const errors: ImportProblem[] = [];
  if (settingsRefused) errors.push({ field: 'settings', message: say('import_settings_not_object') });
  const warnings: ImportProblem[] = [];
  const imported = new Map<string, ImportedSetting>();

  entries.forEach((entry, index) => {
    // People count entries from 1.
    const position = index + 1;
    const error = (field: string | undefined, code: ImportProblemCode, values: HotkeyMessageValues = {}) => {
      const message = say(code, { entry: position, ...values });
      errors.push(field === undefined ? { index, message } : { index, field, message });
    };
    const warn = (field: string | undefined, code: ImportProblemCode, values: HotkeyMessageValues = {}) => {
      const message = say(code, { entry: position, ...values });
      warnings.push(field === undefined ? { index, message } : { index, field, message });
    };
    /** Leaves the entry out with a warning naming it; the rest of the import goes on. */
    const skip = (code: ImportProblemCode, values: HotkeyMessageValues) => {
      warnings.push({ index, field: 'key', message: say(code, { entry: position, ...values }), skipped: true });
    };
    if (!isPlainObject(entry)) {
      error(undefined, 'import_entry_not_object');
      return;
    }

    const fields: Record<'section' | 'element' | 'key', string | null> = { section: null, element: null, key: null };
    for (const field of ['section', 'element', 'key'] as const) {
      const value = own(entry, field);
      if (value === undefined) error(field, 'import_field_missing', { field });
      else if (typeof value !== 'string') error(field, 'import_field_not_text', { field });
      else if (value.trim() === '') error(field, 'import_field_empty', { field });
      else fields[field] = value;
    }
    const label = own(entry, 'label');
    if (label !== undefined && typeof label !== 'string') error('label', 'import_field_not_text', { field: 'label' });
    const id = own(entry, 'id');
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      error('id', 'import_id_invalid');
    }
    const active = own(entry, 'active');
    if (active !== undefined && typeof active !== 'boolean') error('active', 'import_active_invalid');

    if (fields.section === null || fields.element === null) return;
    const actionId = overrideId({ section: fields.section, element: fields.element });
    const definition = known.get(actionId);
    if (!definition) {
      // Unknown actions are the warnings on `element`; summarizeImport counts them that way.
      warn('element', 'import_unknown_action', { action: actionId });
      return;
    }
    if (fields.key === null) return;

    const key = fields.key;
    const action = typeof definition.label === 'string' && definition.label.trim() !== '' ? definition.label : actionId;
    // keymaster binds every combo of a comma list; a binding here has one.
    const list = keymasterList(key);
    let combo: string;
    if (list) {
      const combos = list.map((written) => parseCombo(written));
      const failed = combos.find((c) => !c.ok);
      if (failed && !failed.ok) {
        skip('import_key_skipped', {
          action,
          shortcut: key,
          reason: format({ code: failed.code, values: failed.values }),
        });
        return;
      }
      const distinct = [...new Set(combos.map((c) => (c.ok ? c.combo : '')))];
      if (distinct.length > 1) {
        skip('import_key_list_skipped', { action, shortcut: key, count: distinct.length, combos: distinct });
        return;
      }
      combo = distinct[0] as string;
    } else {
      const parsed = parseCombo(key);
      if (!parsed.ok) {
        // A backend may store such a key (a server that checks characters, not names), so it is no error here.
        skip('import_key_skipped', {
          action,
          shortcut: key,
          reason: format({ code: parsed.code, values: parsed.values }),
        });
        return;
      }
      combo = parsed.combo;
    }
    const reserved = checkReserved(combo, { refused });
    if (reserved.level === 'refused') {
      // The server refuses only the literal strings of its list; another spelling it stores is skipped here.
      if (blockedAsWritten(key, refused)) error('key', 'import_reserved_os', reserved.values);
      else skip('import_reserved_skipped', { action, combo });
      return;
    }
    if (reserved.level === 'warning') warn('key', 'import_reserved_browser', reserved.values);
    if (imported.has(actionId)) warn(undefined, 'import_duplicate', { action: actionId });
    imported.set(actionId, { definition, key: combo, active: typeof active === 'boolean' ? active : true });
  });

  const withSettings = settings === undefined ? {} : { settings };
  if (errors.length > 0) return { ok: false, bindings: [], errors, warnings, ...withSettings };
  const bindings = [...imported.values()].map(({ definition, key, active }) =>
    bindingFromDefinition(definition, { key, active }),
  );
  return { ok: true, bindings, errors, warnings, ...withSettings };
}

/**
 * Writes bindings as the entries of a hotkeys export, the list `parseHotkeyImport` reads back;
 * a file format wraps them (its version, date and settings). Never throws.
 */
export function toHotkeyExportEntries(bindings: readonly HotkeyBinding[]): HotkeyExportEntry[] {
  const list = Array.isArray(bindings) ? bindings.filter((b) => isPlainObject(b)) : [];
  return list.map((binding) => ({
    id: String(binding.definitionId ?? ''),
    section: String(binding.section ?? ''),
    element: String(binding.element ?? ''),
    label: String(binding.label ?? ''),
    key: String(binding.key ?? ''),
    description: String(binding.description ?? ''),
    active: binding.active !== false,
  }));
}

/** What an import would do, for its preview: how many shortcuts change, how many stay, how many entries are skipped, how many unknown actions are ignored. */
export interface HotkeyImportSummary {
  /** Imported bindings whose key or active state differs from the current one. */
  changed: number;
  /** Imported bindings equal to the current one. */
  unchanged: number;
  /** Entries for actions that are not known, which the import ignores. */
  unknown: number;
  /** Entries for known actions left out because their shortcut can't be represented here (the warnings marked `skipped`). */
  skipped: number;
}

/** Counts what applying an import to the current bindings would change, for a preview such as "Apply 76 changes, 1 skipped". Never throws. */
export function summarizeImport(current: readonly HotkeyBinding[], imported: HotkeyImportResult): HotkeyImportSummary {
  const summary: HotkeyImportSummary = { changed: 0, unchanged: 0, unknown: 0, skipped: 0 };
  if (!isPlainObject(imported)) return summary;
  const warnings = Array.isArray(imported.warnings) ? imported.warnings : [];
  summary.unknown = warnings.filter((w) => isPlainObject(w) && w.field === 'element').length;
  summary.skipped = warnings.filter((w) => isPlainObject(w) && w.skipped === true).length;
  if (imported.ok !== true || !Array.isArray(imported.bindings)) return summary;
  const byId = new Map<string, HotkeyBinding>();
  if (Array.isArray(current))
    for (const binding of current)
      if (typeof binding === 'object' && binding !== null) byId.set(String(binding.id), binding);
  for (const binding of imported.bindings) {
    if (!isPlainObject(binding)) continue;
    const before = byId.get(binding.id);
    const same =
      before !== undefined &&
      sameCombo(String(before.key ?? ''), String(binding.key ?? '')) &&
      (before.active !== false) === (binding.active !== false);
    if (same) summary.unchanged += 1;
    else summary.changed += 1;
  }
  return summary;
}
