// Data for the bench pages: 500 hotkey actions in 10 sections, none conflicting (the same shape
// as the 500-action story in stories/hotkey-editor.stories.tsx).
import type { HotkeyDefinition, HotkeySection } from '../../src/core/hotkeys';

/** How many actions the large editor has. */
export const ACTION_COUNT = 500;

/** `count` actions, 50 per section, each in its own scope so that no two conflict. */
export function definitionsFor(count: number): HotkeyDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i),
    section: `section-${Math.floor(i / 50)}`,
    element: `action-${i}`,
    label: `Action ${i}`,
    key: `ctrl+alt+shift+${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
    description: `Does thing ${i}`,
    scope: `scope-${i}`,
  }));
}

/** The sections of `definitionsFor(count)`, 50 actions each. */
export function sectionsFor(count: number): HotkeySection[] {
  return Array.from({ length: Math.ceil(count / 50) }, (_, n) => ({
    id: `section-${n}`,
    title: `Section ${n + 1}`,
    description: `Actions ${n * 50} to ${n * 50 + 49}`,
  }));
}

/** 500 actions, 50 per section, each in its own scope so that no two conflict. */
export const manyDefinitions: HotkeyDefinition[] = definitionsFor(ACTION_COUNT);

/** The 10 sections of `manyDefinitions`. */
export const manySections: HotkeySection[] = sectionsFor(ACTION_COUNT);

/** The row every render benchmark edits (its override id is `section-5:action-250`). */
export const EDITED_ACTION = 'Action 250';
