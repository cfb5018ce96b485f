import { formatComboParts, normalizeCombo, parseCombo } from './combo';
import type { HotkeyDefinition, HotkeyPlatform, HotkeySection } from './types';
import { overrideId } from './bindings';

/** Options of `createHotkeySearchIndex`. */
export interface HotkeySearchIndexOptions {
  /** The sections, whose titles are searched with their actions. @default [] */
  sections?: readonly HotkeySection[];
  /** How combos are shown, so that what the user sees (`⌘Z`, `Ctrl+Z`) is what they can type. @default 'other' */
  platform?: HotkeyPlatform;
}

/** What a search looks at in one row: its override id and its current combo. */
export interface HotkeySearchable {
  /** The override id (`section:element`). */
  id: string;
  /** The row's combo as edited, normalized where it parses. */
  key: string;
}

/** A search index over a set of actions, built once and asked many times. */
export interface HotkeySearchIndex {
  /**
   * A test for one query (case-insensitive): a query that reads as a combo with a modifier
   * (`ctrl + z`, `Ctrl+Z`, `⌘Z`, `cmd z`) matches the rows whose combo has all its parts;
   * otherwise every word of the query, in any order, must start a word of the row's label,
   * description or section, or name a part of its combo. A blank query matches every row.
   */
  matcher: (query: string) => (row: HotkeySearchable) => boolean;
}

const MAC_SYMBOLS = /([⌃⌥⇧⌘])/g;
const WORD = /[\p{L}\p{N}]+/gu;
/** Sits before every word in a haystack, so that `includes(SEP + term)` finds words that start with the term. */
const SEP = '\u0001';

/** A combo's parts (`ctrl`, `shift`, `z`) and its shown words, as one cached entry per distinct combo. */
interface ComboEntry {
  parts: ReadonlySet<string>;
  words: string;
}

/** The words of a text, lower-cased, each preceded by the separator. */
function wordsOf(text: string): string {
  const words = text.toLowerCase().match(WORD);
  return words ? SEP + words.join(SEP) : '';
}

/** The query split into terms: on spaces and `+`, with macOS's glued modifier symbols apart. */
function termsOf(query: string): string[] {
  return query
    .toLowerCase()
    .replace(MAC_SYMBOLS, ' $1 ')
    .split(/[\s+]+/)
    .filter((term) => term !== '');
}

/**
 * Builds a search index for `definitions`: each action's label, description and section words
 * are read once here; combos are read once per distinct combo when first asked, so a row whose
 * combo is edited is still found by its new one. Never throws.
 *
 * @example
 * const index = createHotkeySearchIndex(definitions, { sections, platform: 'mac' });
 * const matches = index.matcher('cmd z');
 * bindings.filter(matches);
 */
export function createHotkeySearchIndex(
  definitions: readonly HotkeyDefinition[],
  options: HotkeySearchIndexOptions = {},
): HotkeySearchIndex {
  const platform = options.platform ?? 'other';
  const sectionWords = new Map<string, string>();
  for (const section of Array.isArray(options.sections) ? options.sections : []) {
    if (typeof section !== 'object' || section === null) continue;
    // The title only: a section's description tends to name its actions ("submit, skip, undo…"), which would match them all.
    sectionWords.set(section.id, wordsOf(String(section.title ?? '')));
  }
  const texts = new Map<string, string>();
  for (const definition of Array.isArray(definitions) ? definitions : []) {
    if (typeof definition !== 'object' || definition === null) continue;
    const own = wordsOf(`${String(definition.label ?? '')} ${String(definition.description ?? '')}`);
    texts.set(overrideId(definition), own + (sectionWords.get(String(definition.section)) ?? ''));
  }

  const combos = new Map<string, ComboEntry>();
  const comboOf = (key: string): ComboEntry => {
    let entry = combos.get(key);
    if (!entry) {
      const normalized = normalizeCombo(key, platform) ?? key.toLowerCase();
      const shown = formatComboParts(key, platform).map((part) => part.toLowerCase());
      entry = {
        parts: new Set([...normalized.split('+'), ...shown]),
        words: SEP + [...shown, ...shown.flatMap((part) => part.match(WORD) ?? [])].join(SEP),
      };
      combos.set(key, entry);
    }
    return entry;
  };
  const partsOf = (term: string): string[] => {
    const parsed = parseCombo(`${term}+a`, platform);
    if (parsed.ok && parsed.combo !== 'a') return parsed.combo.split('+').slice(0, -1);
    const key = normalizeCombo(term, platform);
    return key ? [key] : [term];
  };

  return {
    matcher(query) {
      const text = typeof query === 'string' ? query.trim() : '';
      if (text === '') return () => true;
      const terms = termsOf(text);
      if (terms.length === 0) {
        // Only `+` signs: the plus key.
        const key = normalizeCombo(text, platform);
        return (row) =>
          key !== null && typeof row?.key === 'string' && row.key !== '' && comboOf(row.key).parts.has(key);
      }
      // "ctrl + z", "Ctrl+Z", "⌘Z", "cmd z": a combo with a modifier asks for the rows that use it.
      const asCombo = terms.length > 1 ? parseCombo(terms.join('+'), platform) : { ok: false as const };
      if (asCombo.ok && asCombo.combo.includes('+')) {
        const wanted = asCombo.combo.split('+');
        return (row) => {
          if (typeof row?.key !== 'string' || row.key === '') return false;
          const parts = comboOf(row.key).parts;
          return wanted.every((part) => parts.has(part));
        };
      }
      const wanted = terms.map((term) => ({ prefix: SEP + term, parts: partsOf(term) }));
      return (row) => {
        const own = texts.get(row?.id) ?? '';
        const combo = typeof row?.key === 'string' && row.key !== '' ? comboOf(row.key) : undefined;
        return wanted.every(
          (term) =>
            own.includes(term.prefix) ||
            (combo !== undefined &&
              (combo.words.includes(term.prefix) || term.parts.every((part) => combo.parts.has(part)))),
        );
      };
    },
  };
}
