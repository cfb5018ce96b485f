import { bindingFromDefinition, overrideId, sameCombo } from './bindings';
import { parseCombo } from './combo';
import { checkReserved } from './reserved';
import type {
  HotkeyBinding,
  HotkeyDefinition,
  HotkeyImportResult,
  ImportProblem,
  LabelStudioHotkeyExport,
} from './types';
import { MAX_HOTKEY_OVERRIDES } from './validate-overrides';

/** The largest hotkeys file `parseHotkeyImport` reads, in UTF-8 bytes. */
export const MAX_HOTKEY_IMPORT_BYTES = 1_000_000;
/** The most entries a hotkeys file may have (Label Studio's limit on stored overrides). */
export const MAX_HOTKEY_IMPORT_ENTRIES = MAX_HOTKEY_OVERRIDES;

const numberFormat = new Intl.NumberFormat('en-US');

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

/** A sentence made to follow a colon. */
function lowerFirst(text = ''): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Whether a value is a definition with a section and an element. */
function isDefinition(value: unknown): value is HotkeyDefinition {
  return isPlainObject(value) && typeof value.section === 'string' && typeof value.element === 'string';
}

/** A failed import with one error. */
function refuse(message: string, field?: string): HotkeyImportResult {
  const problem: ImportProblem = field === undefined ? { message } : { field, message };
  return { ok: false, bindings: [], errors: [problem], warnings: [] };
}

/** What one valid entry for a known action sets. */
interface ImportedSetting {
  definition: HotkeyDefinition;
  key: string;
  active: boolean;
}

/**
 * Reads a Label Studio hotkeys export (`{ hotkeys: [...] }`, or the older bare list) and checks every entry
 * against the known actions, listing every problem with its entry index and field. Never throws.
 */
export function parseHotkeyImport(text: string, defaults: readonly HotkeyDefinition[]): HotkeyImportResult {
  if (typeof text !== 'string') return refuse('The file could not be read as text.');
  if (text.trim() === '') return refuse('The file is empty.');
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_HOTKEY_IMPORT_BYTES) {
    return refuse(
      `The file is ${numberFormat.format(bytes)} bytes. The largest allowed is ${numberFormat.format(MAX_HOTKEY_IMPORT_BYTES)} bytes (1 MB).`,
    );
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`The file is not valid JSON: ${detail}`);
  }

  let entries: unknown[];
  if (Array.isArray(data)) {
    entries = data;
  } else if (isPlainObject(data) && Object.hasOwn(data, 'hotkeys')) {
    const hotkeys = data.hotkeys;
    if (!Array.isArray(hotkeys)) return refuse('"hotkeys" must be a list of shortcuts.', 'hotkeys');
    entries = hotkeys;
  } else {
    return refuse(
      'The file is not a Label Studio hotkeys export: expected an object with a "hotkeys" list, or a list of shortcuts.',
    );
  }
  if (entries.length > MAX_HOTKEY_IMPORT_ENTRIES) {
    return refuse(
      `The file has ${entries.length} shortcuts. The most allowed is ${MAX_HOTKEY_IMPORT_ENTRIES}.`,
      'hotkeys',
    );
  }

  const known = new Map<string, HotkeyDefinition>();
  if (Array.isArray(defaults)) {
    for (const definition of defaults) {
      if (isDefinition(definition)) known.set(overrideId(definition), definition);
    }
  }

  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const settings = new Map<string, ImportedSetting>();

  entries.forEach((entry, index) => {
    const name = `Entry ${index + 1}`;
    const error = (field: string | undefined, message: string) =>
      errors.push(field === undefined ? { index, message } : { index, field, message });
    if (!isPlainObject(entry)) {
      error(undefined, `${name} is not an object with section, element and key.`);
      return;
    }

    const fields: Record<'section' | 'element' | 'key', string | null> = { section: null, element: null, key: null };
    for (const field of ['section', 'element', 'key'] as const) {
      const value = own(entry, field);
      if (value === undefined) error(field, `${name} has no "${field}".`);
      else if (typeof value !== 'string') error(field, `${name}: "${field}" must be text.`);
      else if (value.trim() === '') error(field, `${name}: "${field}" is empty.`);
      else fields[field] = value;
    }
    const label = own(entry, 'label');
    if (label !== undefined && typeof label !== 'string') error('label', `${name}: "label" must be text.`);
    const id = own(entry, 'id');
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      error('id', `${name}: "id" must be text or a number.`);
    }
    const active = own(entry, 'active');
    if (active !== undefined && typeof active !== 'boolean')
      error('active', `${name}: "active" must be true or false.`);

    if (fields.section === null || fields.element === null) return;
    const actionId = overrideId({ section: fields.section, element: fields.element });
    const definition = known.get(actionId);
    if (!definition) {
      // Unknown actions are the warnings on `element`; summarizeImport counts them that way.
      warnings.push({ index, field: 'element', message: `${name}: unknown action "${actionId}", ignored.` });
      return;
    }
    if (fields.key === null) return;

    const parsed = parseCombo(fields.key);
    if (!parsed.ok) {
      error('key', `${name}: the shortcut "${fields.key}" can't be used. ${parsed.reason}`);
      return;
    }
    const reserved = checkReserved(parsed.combo);
    if (reserved.level === 'refused') {
      error('key', `${name}: ${lowerFirst(reserved.reason)}`);
      return;
    }
    if (reserved.level === 'warning')
      warnings.push({ index, field: 'key', message: `${name}: ${lowerFirst(reserved.reason)}` });
    if (settings.has(actionId)) {
      warnings.push({ index, message: `${name} sets "${actionId}" again; the last one wins.` });
    }
    settings.set(actionId, { definition, key: parsed.combo, active: typeof active === 'boolean' ? active : true });
  });

  if (errors.length > 0) return { ok: false, bindings: [], errors, warnings };
  const bindings = [...settings.values()].map(({ definition, key, active }) =>
    bindingFromDefinition(definition, { key, active }),
  );
  return { ok: true, bindings, errors, warnings };
}

/** Writes bindings as Label Studio's hotkeys export file (`version` 1.0, empty `settings`). Never throws. */
export function toLabelStudioExport(
  bindings: readonly HotkeyBinding[],
  now: Date = new Date(),
): LabelStudioHotkeyExport {
  const date = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  const list = Array.isArray(bindings) ? bindings.filter((b) => isPlainObject(b)) : [];
  return {
    hotkeys: list.map((binding) => ({
      id: String(binding.definitionId ?? ''),
      section: String(binding.section ?? ''),
      element: String(binding.element ?? ''),
      label: String(binding.label ?? ''),
      key: String(binding.key ?? ''),
      description: String(binding.description ?? ''),
      active: binding.active !== false,
    })),
    settings: {},
    exportedAt: date.toISOString(),
    version: '1.0',
  };
}

/** What an import would do, for its preview: how many shortcuts change, how many stay, how many unknown actions are ignored. */
export interface HotkeyImportSummary {
  /** Imported bindings whose key or active state differs from the current one. */
  changed: number;
  /** Imported bindings equal to the current one. */
  unchanged: number;
  /** Entries for actions that are not known, which the import ignores. */
  unknown: number;
}

/** Counts what applying an import to the current bindings would change, for a preview such as "12 shortcuts change, 3 unknown actions ignored". Never throws. */
export function summarizeImport(current: readonly HotkeyBinding[], imported: HotkeyImportResult): HotkeyImportSummary {
  const summary: HotkeyImportSummary = { changed: 0, unchanged: 0, unknown: 0 };
  if (!isPlainObject(imported)) return summary;
  const warnings = Array.isArray(imported.warnings) ? imported.warnings : [];
  summary.unknown = warnings.filter((w) => isPlainObject(w) && w.field === 'element').length;
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
