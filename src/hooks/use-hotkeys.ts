import { useEffect, useRef, useState } from 'react';
import type { AccountAdapter, HotkeyOverrides } from '../adapters/types';
import { resolveBindings } from '../core/hotkeys/bindings';
import { comboFromKeyboardEvent } from '../core/hotkeys/combo';
import type { HotkeyBinding, HotkeyDefinition } from '../core/hotkeys/types';
import { useHotkeysCoordination } from './hotkeys/hotkeys-context';
import { isKeyForFocusedControl, isModalDialogOpen, keyEventTarget } from './hotkeys/keys-in-use';
import { useAdapter } from './use-adapter';
import type { ResourceStatus } from './use-resource';

/** What runs for an action: its handler gets the keyboard event. */
export type HotkeyHandler = (event: KeyboardEvent) => void;

/** Options of `useHotkeys`. */
export interface UseHotkeysOptions {
  /** The app's actions and their default combos (required: this hook carries no preset's actions). */
  definitions: readonly HotkeyDefinition[];
  /** The adapter to read overrides from instead of the provider's. */
  adapter?: AccountAdapter;
  /** Overrides to use instead of reading them through the adapter. */
  overrides?: HotkeyOverrides;
  /** The project the user works in (from `listProjects`): its override applies over the account map (defaults ← account ← project). @default none, the account map alone */
  projectId?: string | null;
  /** Where to listen for keys. @default window */
  target?: Window | HTMLElement | null;
  /** Action ids whose shortcuts also work while typing in a text field. @default none */
  enableInTextFields?: readonly string[];
  /** Action ids whose shortcuts also work while a modal dialog is open (keys the focused control uses still don't run them). @default none */
  enableInDialogs?: readonly string[];
  /** Turns every binding off while false. @default true */
  enabled?: boolean;
}

/** What `useHotkeys` returns. */
export interface UseHotkeysResult {
  /** Whether the overrides are loading, loaded, or failed (then the defaults apply). */
  status: ResourceStatus;
  /** The effective bindings: defaults with the user's overrides (account, then the project's) applied. */
  bindings: HotkeyBinding[];
}

/** Whether a key event comes from typing: keys pressed in a form field or editable element inside the target. */
function isInTextField(event: KeyboardEvent, element: Element | null): boolean {
  return (
    element !== null && element !== event.currentTarget && element.matches('[contenteditable],input,select,textarea')
  );
}

/**
 * Runs the host's handlers for the user's effective shortcuts (defaults ← account overrides ←
 * the `projectId`'s override), the maps the HotkeyEditor edits. A press runs every action whose
 * combo is exactly what a HotkeyRecorder would record for it (`comboFromKeyboardEvent`). Inactive bindings are skipped;
 * held-key repeats and input method composition run nothing; keys the focused control uses
 * (Enter or Space on a button, arrows in a listbox, Escape in a dialog) run nothing; while a
 * modal dialog is open only actions in `enableInDialogs` run, and in text fields only those in
 * `enableInTextFields`; nothing runs while a shortcut is being recorded; everything is unbound
 * on unmount. Saving in a HotkeyEditor on the same adapter under the same provider rebinds at
 * once; recorders and editors under another provider leave these alone.
 *
 * @example
 * useHotkeys(
 *   { 'annotation:annotation:submit': () => submit(), 'annotation:annotation:undo': undo },
 *   { definitions: myDefinitions },
 * );
 */
export function useHotkeys(handlers: Record<string, HotkeyHandler>, options: UseHotkeysOptions): UseHotkeysResult {
  const adapter = useAdapter(options.adapter);
  const { overrides: channel, recording } = useHotkeysCoordination();
  const given = options.overrides;
  // A read of its own rather than useResource, whose AccountError handling would add about a quarter
  // to the use-hotkeys entry: only whether the read failed matters here (then the defaults apply).
  const [loaded, setLoaded] = useState<{
    adapter: AccountAdapter;
    projectId: string | null;
    status: ResourceStatus;
    maps?: (HotkeyOverrides | undefined)[];
  }>();
  const projectId = options.projectId ?? null;
  const reads = !given && typeof adapter.getHotkeys === 'function';
  useEffect(() => {
    if (!reads) return;
    const controller = new AbortController();
    const settle = (status: ResourceStatus, maps?: (HotkeyOverrides | undefined)[]) => {
      if (!controller.signal.aborted) setLoaded({ adapter, projectId, status, maps });
    };
    const signal = controller.signal;
    // The account map, and in a project that project's override too.
    Promise.all([
      adapter.getHotkeys!({ signal }),
      projectId === null ? undefined : adapter.getHotkeys!({ projectId, signal }),
    ]).then(
      (maps) => settle('success', maps),
      () => settle('error'),
    );
    return () => controller.abort();
  }, [adapter, reads, projectId]);
  const read = loaded?.adapter === adapter && loaded.projectId === projectId ? loaded : undefined;
  // Maps an editor saved since, by scope: `''` for the account, `:<id>` for a project (own properties only).
  const [published, setPublished] = useState<{ adapter: AccountAdapter; maps: Map<string, HotkeyOverrides> }>();
  useEffect(
    () =>
      channel.subscribe(adapter, (overrides, id) =>
        setPublished((before) => ({
          adapter,
          maps: new Map(before?.adapter === adapter ? before.maps : []).set(id === null ? '' : `:${id}`, overrides),
        })),
      ),
    [channel, adapter],
  );

  // The latest saved map of each scope wins: one published by an editor after this hook loaded, else the loaded one.
  const saved = published?.adapter === adapter ? published.maps : new Map<string, HotkeyOverrides>();
  const overrides = given ?? {
    ...(saved.get('') ?? read?.maps?.[0]),
    ...(projectId === null ? {} : (saved.get(`:${projectId}`) ?? read?.maps?.[1])),
  };
  const bindings = resolveBindings(options.definitions, overrides);

  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const enabled = options.enabled ?? true;
  // No window on a server: nothing to listen to there.
  const target = options.target === undefined ? globalThis.window : options.target;
  const inTextFields = options.enableInTextFields ?? [];
  const inDialogs = options.enableInDialogs ?? [];
  // One string describes every active combo and where it may run, so rebinding happens only when it changes:
  // `[id, combo, whether it runs in text fields, whether it runs in modal dialogs]` per action, as JSON.
  const plan = JSON.stringify(
    bindings
      .filter((binding) => binding.active && binding.key !== '' && Object.hasOwn(handlers, binding.id))
      .map((b) => [b.id, b.key, inTextFields.includes(b.id), inDialogs.includes(b.id)]),
  );

  useEffect(() => {
    const lines = JSON.parse(plan) as [id: string, combo: string, anyField: boolean, anyDialog: boolean][];
    if (!enabled || !target || lines.length === 0) return;
    const listener = (event: Event) => {
      const press = event as KeyboardEvent;
      if (press.repeat || press.isComposing || recording.isRecording()) return;
      const combo = comboFromKeyboardEvent(press) ?? '';
      // The lines of the actions bound to this combo, in definition order: all of them run.
      const bound = lines.filter((line) => line[1] === combo);
      if (!bound.length) return;
      const element = keyEventTarget(press);
      if (isKeyForFocusedControl(element, combo)) return;
      const typing = isInTextField(press, element);
      const modal = isModalDialogOpen(element?.ownerDocument ?? document);
      for (const [id, , anyField, anyDialog] of bound) {
        if ((!typing || anyField) && (!modal || anyDialog)) handlersRef.current[id]?.(press);
      }
    };
    target.addEventListener('keydown', listener);
    return () => target.removeEventListener('keydown', listener);
  }, [enabled, target, plan, recording]);

  return { status: reads ? (read?.status ?? 'loading') : 'success', bindings };
}
