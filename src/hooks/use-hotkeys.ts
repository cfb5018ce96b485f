import { useEffect, useRef, useState } from 'react';
import { createKeybindingsHandler } from 'tinykeys';
import type { AccountAdapter, HotkeyOverrides } from '../adapters/types';
import { resolveBindings } from '../core/hotkeys/bindings';
import * as defaultPreset from '../label-studio/default-preset';
import type { HotkeyBinding, HotkeyDefinition } from '../core/hotkeys/types';
import { useHotkeysCoordination } from './hotkeys/hotkeys-context';
import { toKeybinding } from './hotkeys/to-keybinding';
import { useAdapter } from './use-adapter';
import { useResource, type ResourceStatus } from './use-resource';

/**
 * Whether a key event comes from typing rather than a shortcut: a held key's repeats, input
 * method composition, or keys pressed in a form field or editable element inside the target.
 */
function isTyping(event: KeyboardEvent): boolean {
  if (event.repeat || event.isComposing) return true;
  const target = event.target as Partial<Element> | null;
  return (
    target !== event.currentTarget &&
    typeof target?.matches === 'function' &&
    target.matches('[contenteditable],input,select,textarea')
  );
}

/** Listens for the map's keybindings on `target`, skipping events `ignore` picks; returns the unbind. */
function bindKeys(
  target: Window | HTMLElement,
  keybindings: Record<string, HotkeyHandler>,
  ignore: (event: KeyboardEvent) => boolean,
): () => void {
  const handle = createKeybindingsHandler(keybindings);
  const listener = (event: Event) => {
    if (!ignore(event as KeyboardEvent)) handle(event);
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}

/** What runs for an action: its handler gets the keyboard event. */
export type HotkeyHandler = (event: KeyboardEvent) => void;

/** Options of `useHotkeys`. */
export interface UseHotkeysOptions {
  /** The adapter to read overrides from instead of the provider's. */
  adapter?: AccountAdapter;
  /** The app's actions and their default combos. @default the default preset's 77 actions (from react-account-settings/label-studio) */
  definitions?: readonly HotkeyDefinition[];
  /** Overrides to use instead of reading them through the adapter. */
  overrides?: HotkeyOverrides;
  /** Where to listen for keys. @default window */
  target?: Window | HTMLElement | null;
  /** Action ids whose shortcuts also work while typing in a text field. @default none */
  enableInTextFields?: readonly string[];
  /** Turns every binding off while false. @default true */
  enabled?: boolean;
}

/** What `useHotkeys` returns. */
export interface UseHotkeysResult {
  /** Whether the overrides are loading, loaded, or failed (then the defaults apply). */
  status: ResourceStatus;
  /** The effective bindings: defaults with the user's overrides applied. */
  bindings: HotkeyBinding[];
}

/**
 * Runs the host's handlers for the user's effective shortcuts (defaults ← overrides), the same
 * map the HotkeyEditor edits: inactive bindings are skipped, keys typed into text fields are
 * ignored unless an action opts in, nothing runs while a shortcut is being recorded, and
 * everything is unbound on unmount. Saving in a HotkeyEditor on the same adapter under the same
 * provider rebinds at once; recorders and editors under another provider leave these alone.
 *
 * @example
 * useHotkeys({ 'annotation:annotation:submit': () => submit(), 'annotation:annotation:undo': undo });
 */
export function useHotkeys(handlers: Record<string, HotkeyHandler>, options: UseHotkeysOptions = {}): UseHotkeysResult {
  const adapter = useAdapter(options.adapter);
  const { overrides: channel, recording } = useHotkeysCoordination();
  const definitions = options.definitions ?? defaultPreset.hotkeyDefinitions;
  const given = options.overrides;
  const loaded = useResource(
    (signal) => (given || !adapter.getHotkeys ? Promise.resolve(given ?? {}) : adapter.getHotkeys({ signal })),
    [adapter, given],
  );
  const [published, setPublished] = useState<{ adapter: AccountAdapter; overrides: HotkeyOverrides } | null>(null);
  useEffect(() => channel.subscribe(adapter, (overrides) => setPublished({ adapter, overrides })), [channel, adapter]);

  // The latest saved map wins: one published by an editor after this hook loaded, else the loaded one.
  const overrides = given ?? (published?.adapter === adapter ? published.overrides : loaded.latest) ?? {};
  const bindings = resolveBindings(definitions, overrides);

  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const enabled = options.enabled ?? true;
  const target = options.target === undefined ? (typeof window === 'undefined' ? null : window) : options.target;
  const inTextFields = new Set(options.enableInTextFields ?? []);
  // One string describes every active combo and where it may fire, so rebinding happens only when it changes.
  const plan = bindings
    .filter((binding) => binding.active && binding.key !== '' && Object.hasOwn(handlers, binding.id))
    .map((binding) => `${binding.id}\t${binding.key}\t${inTextFields.has(binding.id) ? 1 : 0}`)
    .join('\n');

  useEffect(() => {
    if (!enabled || !target || plan === '') return;
    const everywhere: Record<string, HotkeyHandler> = {};
    const outsideTextFields: Record<string, HotkeyHandler> = {};
    for (const line of plan.split('\n')) {
      const [id, key, anywhere] = line.split('\t') as [string, string, string];
      const map = anywhere === '1' ? everywhere : outsideTextFields;
      const keybinding = toKeybinding(key);
      const previous = map[keybinding];
      // Several actions may share a combo (the preset's defaults do): each of them runs.
      map[keybinding] = (event) => {
        previous?.(event);
        handlersRef.current[id]?.(event);
      };
    }
    const unbindEverywhere = bindKeys(target, everywhere, () => recording.isRecording());
    const unbindOutside = bindKeys(target, outsideTextFields, (event) => recording.isRecording() || isTyping(event));
    return () => {
      unbindEverywhere();
      unbindOutside();
    };
  }, [enabled, target, plan, recording]);

  return { status: given ? 'success' : loaded.status, bindings };
}
