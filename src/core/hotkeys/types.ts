/** One action that can have a shortcut, as the host app defines it (the preset defaults have this shape). */
export interface HotkeyDefinition {
  /** A stable identifier of the definition (such as a numeric id as a string, e.g. "100"). */
  id: string;
  /** The section the action belongs to, e.g. `annotation`. */
  section: string;
  /** The action's name within the app, e.g. `annotation:submit`; `section:element` is the override id. */
  element: string;
  /** What the action is called, for people. */
  label: string;
  /** The default combo, as the app spells it (`ctrl+enter`, `shift+R`). */
  key: string;
  /** What the action does. */
  description?: string;
  /** Whether the action is on by default. @default true */
  active?: boolean;
  /** Actions in one scope conflict when they share a combo; by default every action shares one scope. */
  scope?: string;
}

/** A section of actions, with its title and description. */
export interface HotkeySection {
  /** The section id, matching `HotkeyDefinition.section`. */
  id: string;
  /** The section's title. */
  title: string;
  /** What the section's shortcuts are for. */
  description?: string;
}

/** An action with its effective shortcut: the default with the user's override applied. */
export interface HotkeyBinding {
  /** The override id, `section:element`, under which an override is stored. */
  id: string;
  /** The definition's id. */
  definitionId: string;
  /** The section id. */
  section: string;
  /** The action's element name. */
  element: string;
  /** What the action is called. */
  label: string;
  /** What the action does. */
  description: string;
  /** The effective combo, normalized where it parses (else as stored). */
  key: string;
  /** Whether the binding is on. */
  active: boolean;
  /** The default combo, normalized where it parses. */
  defaultKey: string;
  /** Whether the action is on by default. */
  defaultActive: boolean;
  /** The conflict scope. */
  scope: string;
}

/** Two or more active bindings in one scope with the same combo. */
export interface HotkeyConflict {
  /** The shared normalized combo. */
  combo: string;
  /** The scope they share. */
  scope: string;
  /** The override ids of the bindings that share it, in input order. */
  bindingIds: string[];
}

/** Why `parseCombo` refused an input. */
export type ComboProblemCode =
  | 'combo_not_text'
  | 'combo_empty'
  | 'combo_trailing_plus'
  | 'combo_empty_part'
  | 'combo_unknown_key'
  | 'combo_no_key'
  | 'combo_too_many_keys';

/** Why `checkReserved` refused or warned about a combo. */
export type ReservedCode = 'reserved_os' | 'reserved_browser';

/** What a browser does with a combo it keeps for itself (the `browserAction` value of `reserved_browser`). */
export type BrowserActionCode =
  | 'new_tab'
  | 'close_tab'
  | 'new_window'
  | 'reopen_tab'
  | 'private_window'
  | 'close_window'
  | 'next_tab'
  | 'previous_tab'
  | 'quit';

/** What `parseHotkeyImport` found wrong with a file or an entry. */
export type ImportProblemCode =
  | 'import_not_text'
  | 'import_empty'
  | 'import_too_large'
  | 'import_invalid_json'
  | 'import_hotkeys_not_list'
  | 'import_not_export'
  | 'import_too_many_entries'
  | 'import_entry_not_object'
  | 'import_field_missing'
  | 'import_field_not_text'
  | 'import_field_empty'
  | 'import_id_invalid'
  | 'import_active_invalid'
  | 'import_unknown_action'
  | 'import_reserved_os'
  | 'import_reserved_browser'
  | 'import_duplicate'
  | 'import_key_skipped'
  | 'import_key_list_skipped'
  | 'import_reserved_skipped'
  | 'import_settings_not_object';

/** Every code of a hotkeys message. */
export type HotkeyMessageCode = ComboProblemCode | ReservedCode | ImportProblemCode;

/** The values a hotkeys message is filled with: text, numbers, or lists of key names. */
export type HotkeyMessageValues = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * A hotkeys message in machine-readable form: a code and its values, from which a message can be
 * written in any words or language (`formatHotkeyMessage` writes the English one).
 */
export interface HotkeyMessage<C extends HotkeyMessageCode = HotkeyMessageCode> {
  /** What the message says. */
  code: C;
  /** The figures and names it says it with. */
  values: HotkeyMessageValues;
}

/** One problem found in imported hotkeys. */
export interface ImportProblem {
  /** The entry's position in the imported list, when the problem belongs to one entry. */
  index?: number;
  /** The field, when the problem belongs to one field (`key`, `id`, …). */
  field?: string;
  /** What is wrong, fit to show. */
  message: string;
  /** Present (true) on a warning whose entry was left out: a shortcut that can't be represented here, which the rest of the import does without. */
  skipped?: true;
}

/** What `parseHotkeyImport` found. */
export interface HotkeyImportResult {
  /** Whether there was no error (warnings allowed). */
  ok: boolean;
  /** The imported bindings for known actions (empty when `ok` is false). */
  bindings: HotkeyBinding[];
  /** Problems that stop the import. */
  errors: ImportProblem[];
  /** Problems that do not (unknown actions ignored, duplicates). */
  warnings: ImportProblem[];
  /** The file's hotkey settings (its `settings` object), absent when the file has none. */
  settings?: Record<string, unknown>;
}

/** One entry of a hotkeys export: an action, its shortcut and whether it is on. */
export interface HotkeyExportEntry {
  /** The definition's id. */
  id: string;
  /** The section id. */
  section: string;
  /** The action's element id. */
  element: string;
  /** The action's name. */
  label: string;
  /** The shortcut. */
  key: string;
  /** What the action does. */
  description: string;
  /** Whether the shortcut is on. */
  active: boolean;
}

/** How shortcuts are displayed: Apple's symbols or everyone else's words. */
export type HotkeyPlatform = 'mac' | 'other';
