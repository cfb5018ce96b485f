import { useEffect, useId, useState } from 'react';
import type { AccountError } from '../adapters/errors';
import type { AccountAdapter, TokenSettings, TokenSettingsPatch } from '../adapters/types';
import { formatNumber } from '../core/format/format-date';
import { useOptionalAccount } from '../provider/account-context';
import { publishTokenSettings } from './token-settings-updates';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, writeOf, type MutationResult, type WriteState } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';
import { useTranslate } from './use-translate';

/** The shortest and longest personal-token lifetime an organization can set, in days (the backend's token time-to-live). */
export const TOKEN_LIFETIME_DAYS = { min: 1, max: 73000 } as const;

/** The lifetime shown when the organization's tokens never expire and the administrator turns a lifetime on (a common default). */
const DEFAULT_LIFETIME_DAYS = 30;

/** Options of `useTokenSettingsForm`. */
export interface UseTokenSettingsFormOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** Called with the settings as the backend stored them, after each save. */
  onSaved?: (settings: TokenSettings) => void;
  /** Called whenever the form starts or stops differing from the saved settings. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** What the form edits, as typed: the two switches, "Never expires", and the lifetime's text. */
export interface TokenSettingsValues {
  /** Whether personal access tokens are on. */
  personalTokensEnabled: boolean;
  /** Whether legacy tokens are on. */
  legacyTokenEnabled: boolean;
  /** Whether new personal tokens never expire (only used when the lifetime can be changed). */
  neverExpires: boolean;
  /** The personal-token lifetime in days, as typed (only used when the lifetime can be changed). */
  lifetimeDays: string;
}

/** A field of the form that can carry an error. */
export type TokenSettingsField = 'personalTokensEnabled' | 'legacyTokenEnabled' | 'personalTokenLifetimeDays';

/** What `useTokenSettingsForm` returns: the saved settings' read, the values being edited, and the save. */
export type UseTokenSettingsFormResult = ReadState<TokenSettings> & UseTokenSettingsFormFields;

/** The form's own part of `useTokenSettingsForm`'s result, beside the read (`data`, the saved settings). */
export interface UseTokenSettingsFormFields {
  /** Whether the adapter can read and change the organization's token settings at all. */
  isSupported: boolean;
  /** Whether the signed-in user may change them: supported, and not refused by `Membership.permissions`; `null` until known. */
  isAllowed: boolean | null;
  /** Whether the backend lets the personal-token lifetime be changed (`TokenSettings.canChangeLifetime`). */
  canChangeLifetime: boolean;
  /** The values as edited. */
  values: TokenSettingsValues;
  /** Changes one value; the save status and that field's error are cleared. */
  setValue: <K extends keyof TokenSettingsValues>(field: K, value: TokenSettingsValues[K]) => void;
  /** Whether the values differ from the saved settings. */
  isDirty: boolean;
  /** Whether the lifetime fields can't be used now (personal tokens are off in the form). */
  isLifetimeDisabled: boolean;
  /** Which kinds the form turns off that are on now: their members' tokens stop working once saved. */
  turnsOff: { personal: boolean; legacy: boolean };
  /** The error to show under a field (the form's own check, else the server's), or `null`. */
  fieldError: (field: TokenSettingsField) => string | null;
  /** Checks the values, then sends what changed; resolves `undefined` when a check failed, or another save is under way. */
  save: WriteState<void, TokenSettings>;
  /** Whether the last save succeeded and nothing changed since. */
  isSaved: boolean;
  /** Puts the saved settings back into the form. */
  discard: () => void;
  /** The id of a field's control, for labels and for moving focus to it. */
  inputId: (field: TokenSettingsField | 'neverExpires') => string;
}

interface SettingsRead {
  settings: TokenSettings;
  allowed: boolean;
}

function valuesOf(settings: TokenSettings | undefined): TokenSettingsValues {
  const days = settings?.personalTokenLifetimeDays;
  return {
    personalTokensEnabled: settings?.personalTokensEnabled ?? false,
    legacyTokenEnabled: settings?.legacyTokenEnabled ?? false,
    neverExpires: days === null || days === undefined,
    lifetimeDays: String(days ?? DEFAULT_LIFETIME_DAYS),
  };
}

function sameValues(a: TokenSettingsValues, b: TokenSettingsValues, withLifetime: boolean): boolean {
  if (a.personalTokensEnabled !== b.personalTokensEnabled || a.legacyTokenEnabled !== b.legacyTokenEnabled)
    return false;
  if (!withLifetime || !a.personalTokensEnabled) return true;
  if (a.neverExpires !== b.neverExpires) return false;
  return a.neverExpires || a.lifetimeDays.trim() === b.lifetimeDays.trim();
}

/**
 * The headless organization token settings ("API Tokens Settings"): reads them
 * with what the signed-in user may administer, edits personal tokens on/off, legacy tokens on/off
 * and, where the backend allows, the personal-token lifetime, checks the lifetime before sending,
 * and saves only what changed. A save reaches every `TokenPanel` on the same adapter at once.
 *
 * @example
 * const form = useTokenSettingsForm({ onSaved: (settings) => console.log(settings) });
 * form.setValue('legacyTokenEnabled', false);
 * await form.save.run();
 */
export function useTokenSettingsForm(options: UseTokenSettingsFormOptions = {}): UseTokenSettingsFormResult {
  const { onSaved, onDirtyChange } = options;
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const idBase = useId();
  const isSupported =
    typeof adapter.getTokenSettings === 'function' && typeof adapter.updateTokenSettings === 'function';
  useEffect(() => {
    if (!adapter.getTokenSettings) warnMissingMethod('TokenSettingsForm', 'getTokenSettings');
    else if (!adapter.updateTokenSettings) warnMissingMethod('TokenSettingsForm', 'updateTokenSettings');
  }, [adapter]);

  const resource = useResource<SettingsRead | null>(
    async (signal) => {
      if (!adapter.getTokenSettings || !adapter.updateTokenSettings) return null;
      // What the user may administer comes with the membership; absent means the methods decide.
      const [settings, membership] = await Promise.all([
        adapter.getTokenSettings({ signal }),
        adapter.getMembership ? adapter.getMembership({ signal }) : Promise.resolve(undefined),
      ]);
      return { settings, allowed: membership?.permissions?.changeTokenSettings !== false };
    },
    [adapter],
  );
  const saved = resource.latest?.settings;
  const canChangeLifetime = saved?.canChangeLifetime === true;

  // The values being edited; `null` while they are the saved ones, untouched.
  const [edited, setEdited] = useState<TokenSettingsValues | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [serverErrorsShown, setServerErrorsShown] = useState<ReadonlySet<TokenSettingsField>>(new Set());
  const [isSaved, setIsSaved] = useState(false);
  const savedValues = valuesOf(saved);
  const values = edited ?? savedValues;
  const isDirty = edited !== null && !sameValues(edited, savedValues, canChangeLifetime);

  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);

  const mutation = useMutation((patch: TokenSettingsPatch, signal) => adapter.updateTokenSettings!(patch, { signal }));
  const resetMutation = mutation.reset;

  function setValue<K extends keyof TokenSettingsValues>(field: K, value: TokenSettingsValues[K]) {
    setEdited((current) => ({ ...(current ?? savedValues), [field]: value }));
    setIsSaved(false);
    const errorField: TokenSettingsField =
      field === 'neverExpires' || field === 'lifetimeDays' ? 'personalTokenLifetimeDays' : field;
    if (errorField === 'personalTokenLifetimeDays') setCheckError(null);
    setServerErrorsShown((shown) => {
      if (!shown.has(errorField)) return shown;
      const next = new Set(shown);
      next.delete(errorField);
      return next;
    });
  }

  const limits = {
    min: formatNumber(TOKEN_LIFETIME_DAYS.min, locale),
    max: formatNumber(TOKEN_LIFETIME_DAYS.max, locale),
  };
  /** The lifetime to send (a number of days or `null` for never), or the message saying what is wrong with it. */
  function lifetime(): { ok: true; days: number | null } | { ok: false; message: string } {
    if (values.neverExpires) return { ok: true, days: null };
    const text = values.lifetimeDays.trim();
    if (text === '') return { ok: false, message: t('tokenSettings.daysMissing', limits) };
    const days = Number(text);
    if (!Number.isInteger(days) || days < TOKEN_LIFETIME_DAYS.min || days > TOKEN_LIFETIME_DAYS.max) {
      return { ok: false, message: t('tokenSettings.daysInvalid', { ...limits, value: text }) };
    }
    return { ok: true, days };
  }

  const save: WriteState<void, TokenSettings> = {
    ...writeOf(mutation),
    run: async (): Promise<MutationResult<TokenSettings> | undefined> => {
      if (!saved || mutation.isPending) return undefined;
      const patch: TokenSettingsPatch = {};
      if (values.personalTokensEnabled !== saved.personalTokensEnabled) {
        patch.personalTokensEnabled = values.personalTokensEnabled;
      }
      if (values.legacyTokenEnabled !== saved.legacyTokenEnabled) patch.legacyTokenEnabled = values.legacyTokenEnabled;
      // The lifetime counts only while personal tokens are on (its fields are disabled otherwise).
      if (canChangeLifetime && values.personalTokensEnabled) {
        const checked = lifetime();
        if (!checked.ok) {
          setCheckError(checked.message);
          resetMutation();
          return undefined;
        }
        if (checked.days !== (saved.personalTokenLifetimeDays ?? null)) patch.personalTokenLifetimeDays = checked.days;
      }
      setCheckError(null);
      const result = await mutation.run(patch);
      if (!result) return result;
      if (result.ok) {
        resource.setData((current) => ({ allowed: current?.allowed ?? true, settings: result.value }));
        setEdited(null);
        setIsSaved(true);
        setServerErrorsShown(new Set());
        publishTokenSettings(adapter, result.value);
        onSaved?.(result.value);
      } else {
        setServerErrorsShown(new Set(Object.keys(result.error.fieldErrors ?? {}) as TokenSettingsField[]));
      }
      return result;
    },
  };

  const serverError: AccountError | null = mutation.error;
  const fieldError = (field: TokenSettingsField): string | null => {
    if (field === 'personalTokenLifetimeDays' && checkError) return checkError;
    if (!serverErrorsShown.has(field)) return null;
    return serverError?.fieldErrors?.[field]?.[0] ?? null;
  };

  return {
    ...readOf(resource.status, saved, resource.error, resource.retry),
    isSupported,
    isAllowed: !isSupported ? false : resource.latest ? resource.latest.allowed : null,
    canChangeLifetime,
    values,
    setValue,
    isDirty,
    isLifetimeDisabled: !values.personalTokensEnabled,
    turnsOff: {
      personal: saved?.personalTokensEnabled === true && !values.personalTokensEnabled,
      legacy: saved?.legacyTokenEnabled === true && !values.legacyTokenEnabled,
    },
    fieldError,
    save,
    isSaved,
    discard: () => {
      setEdited(null);
      setCheckError(null);
      setServerErrorsShown(new Set());
      setIsSaved(false);
      resetMutation();
    },
    inputId: (field) => `${idBase}-${field}`,
  };
}
