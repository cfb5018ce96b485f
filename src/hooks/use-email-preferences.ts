import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toAccountError, type AccountError } from '../adapters/errors';
import type { AccountAdapter, EmailPreference } from '../adapters/types';
import { en, type MessageKey } from '../i18n/en';
import { useOptionalAccount } from '../provider/account-context';
import { useAdapter, warnMissingMethod } from './use-adapter';
import type { WriteStatus } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';
import { useTranslate } from './use-translate';

/** Options of `useEmailPreferences`. */
export interface UseEmailPreferencesOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
}

/** One preference as shown: the saved state with the user's pending change applied. */
export interface EmailPreferenceItem extends EmailPreference {
  /** The label to show: the catalogue's `email.preference.<id>`, else the adapter's label, else the id. */
  label: string;
  /** Whether a change to this preference is being saved. */
  isPending: boolean;
}

/** A change the user made to one preference. */
export interface EmailPreferenceToggle {
  /** The preference's id. */
  id: string;
  /** The state the user asked for. */
  enabled: boolean;
}

/** What `useEmailPreferences` returns: the preferences, their saving state and the actions. */
export type UseEmailPreferencesResult = ReadState<EmailPreferenceItem[]> & UseEmailPreferencesFields;

/** The preferences' own part of `useEmailPreferences`'s result, beside their read (`data`, the items once loaded). */
export interface UseEmailPreferencesFields {
  /** The preferences with changes under way already applied; empty until loaded (and kept while reading again). */
  preferences: EmailPreferenceItem[];
  /** Saves a preference's new state at once; ignored while that preference is already saving. */
  toggle: (id: string, enabled: boolean) => Promise<void>;
  /** The ids of the preferences being saved. */
  pendingIds: ReadonlySet<string>;
  /**
   * Saving, as a write: `save.run({ id, enabled })` is `toggle`, `save.isPending` is whether any
   * preference is saving, `save.error` why the last failed change failed (that preference is back
   * to its previous state), and `save.reset()` forgets that failure.
   */
  save: WriteStatus & { run: (change: EmailPreferenceToggle) => Promise<void> };
  /** The change that failed last, or `null`. */
  failedToggle: EmailPreferenceToggle | null;
  /** Tries the failed change again. */
  retrySave: () => void;
  /** Whether the adapter can save preferences at all; without it they are read-only. */
  canSave: boolean;
  /** The label to show for a preference id. */
  labelOf: (id: string) => string;
}

interface SaveState {
  /** The state asked for, per preference being saved. */
  pending: ReadonlyMap<string, boolean>;
  /** The last change that failed. */
  failure: (EmailPreferenceToggle & { error: AccountError }) | null;
}

const INITIAL_SAVE_STATE: SaveState = { pending: new Map(), failure: null };

function withoutPending(state: SaveState, id: string): SaveState {
  if (!state.pending.has(id)) return state;
  const pending = new Map(state.pending);
  pending.delete(id);
  return { ...state, pending };
}

/**
 * The headless email preferences: loads them, saves each change at once (shown before the
 * server answers), lets different preferences save side by side, and puts a preference back
 * with an error when its change fails.
 *
 * @example
 * const email = useEmailPreferences();
 * email.preferences.map((p) => <input type="checkbox" checked={p.enabled} onChange={() => email.toggle(p.id, !p.enabled)} />);
 */
export function useEmailPreferences(options: UseEmailPreferencesOptions = {}): UseEmailPreferencesResult {
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const messages = useOptionalAccount()?.messages ?? en;

  const canLoad = typeof adapter.getEmailPreferences === 'function';
  const canSave = typeof adapter.updateEmailPreferences === 'function';
  useEffect(() => {
    if (!canLoad) warnMissingMethod('EmailPreferences', 'getEmailPreferences');
    if (!canSave) warnMissingMethod('EmailPreferences', 'updateEmailPreferences');
  }, [canLoad, canSave]);

  const resource = useResource(
    (signal) => (adapter.getEmailPreferences ? adapter.getEmailPreferences({ signal }) : Promise.resolve([])),
    [adapter],
  );
  const [save, setSave] = useState<SaveState>(INITIAL_SAVE_STATE);
  // A ref, not state: two clicks in one frame both see the first one's claim on the row.
  const controllersRef = useRef(new Map<string, AbortController>());

  // Unmounting (or switching adapters) aborts every save under way.
  useEffect(() => {
    const controllers = controllersRef.current;
    return () => {
      for (const controller of controllers.values()) controller.abort();
      controllers.clear();
    };
  }, [adapter]);

  const labelOf = useCallback(
    (id: string) => {
      const key = `email.preference.${id}`;
      if (Object.hasOwn(messages, key)) return t(key as MessageKey);
      return resource.latest?.find((preference) => preference.id === id)?.label || id;
    },
    [messages, t, resource.latest],
  );

  const setData = resource.setData;
  const toggle = useCallback(
    async (id: string, enabled: boolean): Promise<void> => {
      const update = adapter.updateEmailPreferences;
      const controllers = controllersRef.current;
      if (!update || controllers.has(id)) return;
      const controller = new AbortController();
      controllers.set(id, controller);
      setSave((s) => ({
        pending: new Map(s.pending).set(id, enabled),
        // Changing the failed preference again replaces its failure; other failures stay.
        failure: s.failure?.id === id ? null : s.failure,
      }));
      try {
        const saved = await update.call(adapter, { [id]: enabled }, { signal: controller.signal });
        if (controllers.get(id) === controller) controllers.delete(id);
        if (controller.signal.aborted) {
          setSave((s) => withoutPending(s, id));
          return;
        }
        const confirmed = saved.find((preference) => preference.id === id)?.enabled ?? enabled;
        // The answer lists every preference, but while others are saving it may predate their changes.
        const othersSaving = controllers.size > 0;
        setData((current) =>
          othersSaving
            ? (current ?? []).map((preference) =>
                preference.id === id ? { ...preference, enabled: confirmed } : preference,
              )
            : saved,
        );
        setSave((s) => withoutPending(s, id));
      } catch (reason) {
        if (controllers.get(id) === controller) controllers.delete(id);
        const error = toAccountError(reason);
        // The preference goes back to its saved state; an abort is never reported.
        const aborted = controller.signal.aborted || error.code === 'aborted';
        setSave((s) => ({ ...withoutPending(s, id), failure: aborted ? s.failure : { id, enabled, error } }));
      }
    },
    [adapter, setData],
  );

  const failure = save.failure;
  const retrySave = useCallback(() => {
    if (failure) void toggle(failure.id, failure.enabled);
  }, [failure, toggle]);
  const dismissSaveError = useCallback(() => setSave((s) => (s.failure ? { ...s, failure: null } : s)), []);

  const pending = save.pending;
  const pendingIds = useMemo<ReadonlySet<string>>(() => new Set(pending.keys()), [pending]);
  const preferences = useMemo<EmailPreferenceItem[]>(
    () =>
      (resource.latest ?? []).map((preference) => {
        const asked = pending.get(preference.id);
        return {
          ...preference,
          enabled: asked ?? preference.enabled,
          label: labelOf(preference.id),
          isPending: asked !== undefined,
        };
      }),
    [resource.latest, pending, labelOf],
  );

  return {
    ...readOf(resource.status, preferences, resource.error, resource.retry),
    preferences,
    toggle,
    pendingIds,
    save: {
      run: ({ id, enabled }) => toggle(id, enabled),
      status: pendingIds.size > 0 ? 'pending' : failure ? 'error' : 'idle',
      error: failure?.error ?? null,
      isPending: pendingIds.size > 0,
      reset: dismissSaveError,
    },
    failedToggle: failure ? { id: failure.id, enabled: failure.enabled } : null,
    retrySave,
    canSave,
    labelOf,
  };
}
