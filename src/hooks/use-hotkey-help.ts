import { useMemo, useState } from 'react';
import type { AccountAdapter, HotkeyOverrides } from '../adapters/types';
import { resolveBindings } from '../core/hotkeys/bindings';
import { formatCombo, formatComboParts } from '../core/hotkeys/combo';
import type { HotkeyDefinition, HotkeyPlatform, HotkeySection } from '../core/hotkeys/types';
import * as defaultPreset from '../label-studio/default-preset';
import { useOptionalAccount } from '../provider/account-context';
import { useAdapter } from './use-adapter';
import { useControllableState } from './use-controllable-state';
import { createHotkeySearchIndex } from '../core/hotkeys/search';
import { useHotkeys } from './use-hotkeys';
import { readOf, useResource, type ReadState } from './use-resource';

/** Options of `useHotkeyHelp`. */
export interface UseHotkeyHelpOptions {
  /** The adapter to read the user's overrides from instead of the provider's. */
  adapter?: AccountAdapter;
  /** The app's actions and their default combos. @default the default preset's 77 actions (from react-account-settings/label-studio) */
  definitions?: readonly HotkeyDefinition[];
  /** The sections, in display order. @default the default preset's 9 sections (from react-account-settings/label-studio) */
  sections?: readonly HotkeySection[];
  /** Overrides to show instead of reading them through the adapter. */
  overrides?: HotkeyOverrides;
  /** The project the user works in (from `listProjects`): its override is listed over the account map (defaults ← account ← project). @default none, the account map alone */
  projectId?: string | null;
  /** How combos are displayed. @default the provider's platform */
  platform?: HotkeyPlatform;
  /** Whether the help is open (controlled); leave out to let the hook hold it. */
  open?: boolean;
  /** Whether the help starts open when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the help opens or closes, by the user or by `?`. */
  onOpenChange?: (open: boolean) => void;
  /** Whether pressing `?` (Shift+/) outside a text field opens the help. @default true */
  openOnQuestionMark?: boolean;
}

/** One shortcut as the help lists it: the action and its effective combo, formatted for the platform. */
export interface HotkeyHelpRow {
  /** The override id, `section:element`. */
  id: string;
  /** The action's name. */
  label: string;
  /** What the action does. */
  description: string;
  /** The section id. */
  section: string;
  /** The effective combo, normalized (`ctrl+shift+z`), or `''` when none is set. */
  combo: string;
  /** The combo as the platform displays it (`Ctrl+Shift+Z`, `⇧⌃Z`), or `''` when none is set. */
  display: string;
  /** The combo's keys as the platform names them, one per `<kbd>` (`['Ctrl', 'Shift', 'Z']`). */
  parts: string[];
  /** Whether the shortcut is on. */
  isActive: boolean;
  /** Whether the row matches the search (every row does while the search is empty). */
  isVisible: boolean;
}

/** One section as the help lists it: its title and its rows. */
export interface HotkeyHelpSection extends HotkeySection {
  /** Every row of the section, in definition order, each saying whether it matches the search. */
  rows: HotkeyHelpRow[];
  /** How many of its rows match the search. */
  visibleCount: number;
}

/** What `useHotkeyHelp` returns. */
export type UseHotkeyHelpResult = ReadState<HotkeyOverrides> & UseHotkeyHelpFields;

/** The help's own part of `useHotkeyHelp`'s result, beside the read of the user's overrides (`data`). */
export interface UseHotkeyHelpFields {
  /** Whether the help is open. */
  open: boolean;
  /** Opens or closes the help. */
  setOpen: (open: boolean) => void;
  /** The search text. */
  query: string;
  /** Sets the search text. */
  setQuery: (query: string) => void;
  /** Every section that has actions, in display order (listed sections first, then any others by id). */
  sections: HotkeyHelpSection[];
  /** How many rows match the search. */
  visibleCount: number;
  /** How many rows there are in all. */
  totalCount: number;
  /** Whether the defaults are shown because the overrides could not be read (`status` is `error`). */
  isShowingDefaults: boolean;
  /** The platform combos are shown for. */
  platform: HotkeyPlatform;
}

// The `?` key is bound through useHotkeys with a definition of its own and a fixed empty override
// map (module constants, so the hook neither reads the adapter nor rebinds on every render).
const OPEN_ID = 'hotkey-help:open';
const OPEN_DEFINITIONS: readonly HotkeyDefinition[] = [
  { id: OPEN_ID, section: 'hotkey-help', element: 'open', label: 'Keyboard shortcuts', key: 'shift+/' },
];
const NO_OVERRIDES: HotkeyOverrides = {};

/**
 * The headless keyboard-shortcuts help: reads the user's overrides through the adapter each time
 * it opens, lists the effective shortcuts (definitions ← account ← the `projectId`'s override) by section with their combos
 * formatted for the platform, filters them by a search, and opens on `?` through `useHotkeys`.
 * When the overrides can't be read, it lists the defaults and says so (`isShowingDefaults`).
 *
 * @example
 * const help = useHotkeyHelp();
 * <button onClick={() => help.setOpen(true)}>Shortcuts</button>
 */
export function useHotkeyHelp(options: UseHotkeyHelpOptions = {}): UseHotkeyHelpResult {
  const adapter = useAdapter(options.adapter);
  const account = useOptionalAccount();
  const platform = options.platform ?? account?.platform ?? 'other';
  const definitions = options.definitions ?? defaultPreset.hotkeyDefinitions;
  const sectionList = options.sections ?? defaultPreset.hotkeySections;
  const given = options.overrides;
  const [open, setOpen] = useControllableState(options.open, options.defaultOpen ?? false, options.onOpenChange);
  const [query, setQuery] = useState('');

  // Read on each opening, so the list shows what was saved since; nothing is read while closed.
  const projectId = options.projectId ?? null;
  const loaded = useResource(
    async (signal) => {
      if (given || !open || !adapter.getHotkeys) return given ?? NO_OVERRIDES;
      if (projectId === null) return adapter.getHotkeys({ signal });
      const [account, project] = await Promise.all([
        adapter.getHotkeys({ signal }),
        adapter.getHotkeys({ projectId, signal }),
      ]);
      return { ...account, ...project };
    },
    [adapter, given, open, projectId],
  );
  const status = given ? 'success' : open ? loaded.status : 'loading';
  const overrides = status === 'success' ? (given ?? loaded.latest) : undefined;
  const isShowingDefaults = status === 'error';

  useHotkeys(
    {
      [OPEN_ID]: (event) => {
        // Keeps the `?` from being typed into the search box, which takes focus as the dialog opens.
        event.preventDefault();
        setOpen(true);
      },
    },
    {
      adapter,
      definitions: OPEN_DEFINITIONS,
      overrides: NO_OVERRIDES,
      enabled: (options.openOnQuestionMark ?? true) && !open,
    },
  );

  const listed = useMemo(() => {
    if (overrides === undefined && !isShowingDefaults) return [];
    const bindings = resolveBindings(definitions, overrides ?? NO_OVERRIDES);
    const known = new Set(sectionList.map((section) => section.id));
    const others = [...new Set(bindings.map((binding) => binding.section))]
      .filter((id) => !known.has(id))
      .map((id): HotkeySection => ({ id, title: id }));
    return [...sectionList, ...others]
      .map((section) => ({
        section,
        rows: bindings
          .filter((binding) => binding.section === section.id)
          .map((binding) => {
            const display = binding.key === '' ? '' : formatCombo(binding.key, platform);
            return { binding, display };
          }),
      }))
      .filter((entry) => entry.rows.length > 0);
  }, [definitions, sectionList, overrides, isShowingDefaults, platform]);

  // The editor's search: words in any order, and combos however they are written ("ctrl + z", "⌘Z").
  const searchIndex = useMemo(
    () =>
      createHotkeySearchIndex(definitions, {
        sections: listed.map((entry) => entry.section),
        platform,
      }),
    [definitions, listed, platform],
  );

  const sections = useMemo(() => {
    const matches = searchIndex.matcher(query);
    return listed.map(({ section, rows }): HotkeyHelpSection => {
      const shown = rows.map(({ binding, display }): HotkeyHelpRow => ({
        id: binding.id,
        label: binding.label,
        description: binding.description,
        section: binding.section,
        combo: binding.key,
        display,
        parts: binding.key === '' ? [] : formatComboParts(binding.key, platform),
        isActive: binding.active,
        isVisible: matches(binding),
      }));
      return { ...section, rows: shown, visibleCount: shown.filter((row) => row.isVisible).length };
    });
  }, [listed, query, platform, searchIndex]);

  const read = readOf<HotkeyOverrides>(status, overrides, loaded.error, loaded.retry);
  return {
    ...read,
    open,
    setOpen,
    query,
    setQuery,
    sections,
    visibleCount: sections.reduce((sum, section) => sum + section.visibleCount, 0),
    totalCount: sections.reduce((sum, section) => sum + section.rows.length, 0),
    isShowingDefaults,
    platform,
  };
}
