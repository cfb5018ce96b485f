import type { HotkeyOverride, HotkeyOverrides } from '../../adapters/types';
import { normalizeCombo } from './combo';
import type { HotkeyBinding, HotkeyDefinition } from './types';

/** The id an override is stored under: `${section}:${element}`. */
export function overrideId(definition: Pick<HotkeyDefinition, 'section' | 'element'>): string {
  if (typeof definition !== 'object' || definition === null) return ':';
  return `${String(definition.section ?? '')}:${String(definition.element ?? '')}`;
}

/** A combo normalized where it parses, else as given (non-text becomes empty). */
function normalizedOrRaw(key: unknown): string {
  if (typeof key !== 'string') return '';
  return normalizeCombo(key) ?? key;
}

/** Whether a value is a usable definition. */
function isDefinition(value: unknown): value is HotkeyDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<HotkeyDefinition>;
  return typeof d.section === 'string' && typeof d.element === 'string';
}

/** The override stored under an id, read as an own property only. */
function ownOverride(overrides: HotkeyOverrides, id: string): HotkeyOverride | undefined {
  if (typeof overrides !== 'object' || overrides === null || !Object.hasOwn(overrides, id)) return undefined;
  const value: unknown = overrides[id];
  return typeof value === 'object' && value !== null ? (value as HotkeyOverride) : undefined;
}

/** A value when it is text, else the fallback. */
function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** Builds one binding from its definition, with an optional key and active state taking the place of the default's. */
export function bindingFromDefinition(
  definition: HotkeyDefinition,
  effective?: { key?: unknown; active?: unknown; description?: unknown },
): HotkeyBinding {
  const defaultKey = normalizedOrRaw(definition.key);
  const defaultActive = definition.active !== false;
  return {
    id: overrideId(definition),
    definitionId: String(definition.id ?? ''),
    section: definition.section,
    element: definition.element,
    label: text(definition.label),
    description: text(effective?.description, text(definition.description)),
    key: effective && typeof effective.key === 'string' ? normalizedOrRaw(effective.key) : defaultKey,
    // An override without `active` means active, as the adapter contract says.
    active: effective ? effective.active !== false : defaultActive,
    defaultKey,
    defaultActive,
    scope: text(definition.scope, 'global'),
  };
}

/**
 * The effective bindings: each default with the user's override (stored under `overrideId`) applied,
 * keys normalized where they parse, scope `global` unless the definition has one. Never throws.
 */
export function resolveBindings(defaults: readonly HotkeyDefinition[], overrides: HotkeyOverrides): HotkeyBinding[] {
  if (!Array.isArray(defaults)) return [];
  return defaults.filter(isDefinition).map((definition) => {
    const override = ownOverride(overrides, overrideId(definition));
    return bindingFromDefinition(definition, override);
  });
}

/** Sets an own property even for names like `__proto__`, which plain assignment would not. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Whether two combos are the same once normalized (compared as written when either does not parse). */
export function sameCombo(a: string, b: string): boolean {
  return normalizedOrRaw(a).trim() === normalizedOrRaw(b).trim();
}

/**
 * The overrides to store: `{ key, active }` for each binding whose key or active state differs
 * from its default, and every entry of the `stored` map for an action none of the bindings is for,
 * kept as it is with all its fields (overrides a backend stored for sections this editor doesn't
 * know must survive a save). A changed binding keeps the other fields of its stored override
 * (such as `description`). Never throws.
 *
 * @example
 * toOverrides(editor.bindings, await adapter.getHotkeys()); // the map for saveHotkeys
 */
export function toOverrides(bindings: readonly HotkeyBinding[], stored?: HotkeyOverrides | null): HotkeyOverrides {
  const overrides: HotkeyOverrides = {};
  const list = Array.isArray(bindings)
    ? bindings.filter((b): b is HotkeyBinding => typeof b === 'object' && b !== null && typeof b.id === 'string')
    : [];
  const known = new Set(list.map((binding) => binding.id));
  if (typeof stored === 'object' && stored !== null) {
    for (const id of Object.keys(stored)) {
      const override = ownOverride(stored, id);
      if (override && !known.has(id)) setOwn<HotkeyOverride>(overrides, id, { ...override });
    }
  }
  for (const binding of list) {
    const key = typeof binding.key === 'string' ? binding.key : '';
    const defaultKey = typeof binding.defaultKey === 'string' ? binding.defaultKey : '';
    const active = binding.active !== false;
    const defaultActive = binding.defaultActive !== false;
    if (sameCombo(key, defaultKey) && active === defaultActive) continue;
    const before = stored ? ownOverride(stored, binding.id) : undefined;
    setOwn<HotkeyOverride>(overrides, binding.id, { ...before, key: normalizedOrRaw(key), active });
  }
  return overrides;
}

/**
 * The definitions with an overrides map applied to their defaults (key and active state), so that
 * another map can be compared against them: a project's override is edited against
 * `definitionsWithOverrides(definitions, accountMap)` (defaults ← account), and only what the
 * project changes differs. Never throws.
 */
export function definitionsWithOverrides(
  definitions: readonly HotkeyDefinition[],
  overrides: HotkeyOverrides,
): HotkeyDefinition[] {
  if (!Array.isArray(definitions)) return [];
  return definitions.filter(isDefinition).map((definition) => {
    const override = ownOverride(overrides, overrideId(definition));
    if (!override) return definition;
    const binding = bindingFromDefinition(definition, override);
    return { ...definition, key: binding.key, active: binding.active };
  });
}
