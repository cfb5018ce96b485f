import {
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { checkReserved } from '../core/hotkeys/reserved';
import { comboFromKeyboardEvent, formatCombo, formatComboParts, parseCombo } from '../core/hotkeys/combo';
import type { HotkeyPlatform } from '../core/hotkeys/types';
import { describeHotkeyMessage } from '../i18n/describe-hotkey-message';
import * as defaultPreset from '../label-studio/default-preset';
import { useOptionalAccount } from '../provider/account-context';
import { useHotkeysCoordination } from './hotkeys/hotkeys-context';
import { mergeProps, type MergedProps } from './merge-props';
import { useControllableState } from './use-controllable-state';
import { useTranslate } from './use-translate';

/** What a recorder reports when it records or accepts a combo. */
export interface HotkeyRecordDetails {
  /** The normalized combo (`ctrl+shift+k`), or `''` when cleared. */
  combo: string;
  /** The combo as shown on this platform (`Ctrl+Shift+K`, `⇧⌘K`). */
  display: string;
  /** A warning to show with it (a combo the browser may keep), if any. */
  warning?: string;
}

/** Options of `useHotkeyRecorder`. */
export interface UseHotkeyRecorderOptions {
  /** The combo, when the parent controls it. */
  value?: string;
  /** The first combo, when the recorder keeps its own. @default '' */
  defaultValue?: string;
  /** Called with every new combo (recorded, typed or cleared). */
  onValueChange?: (combo: string) => void;
  /** Called with the details of every new combo. */
  onRecord?: (details: HotkeyRecordDetails) => void;
  /** The action's name, for accessible names and announcements. */
  actionLabel?: string;
  /** Whether the shortcut may be cleared (with `clear`, the component's Clear button); Backspace and Delete are recorded either way. @default false */
  allowEmpty?: boolean;
  /** How combos are shown; the provider's platform when left out. */
  platform?: HotkeyPlatform;
  /** Operating-system combos the server refuses, which are not accepted. @default the default preset's `rules.hotkeys.blockedCombos` */
  blockedCombos?: readonly string[];
  /** Whether the recorder is unavailable. @default false */
  disabled?: boolean;
  /** Whether the parent holds the recorded combo back (a duplicate waiting for "Allow duplicate"): the recorder then doesn't announce "set to …", and the parent says what happens. @default false */
  isHeld?: boolean;
}

/** What `useHotkeyRecorder` returns: state, actions and prop getters. */
export interface UseHotkeyRecorderResult {
  /** The current combo (`''` for none). */
  value: string;
  /** The combo as display parts, for `<kbd>` chips. */
  parts: string[];
  /** The combo as display text. */
  display: string;
  /** The platform combos are shown for (macOS runs key symbols together; others join with "+"). */
  platform: HotkeyPlatform;
  /** Whether the recorder is waiting for keys. */
  isRecording: boolean;
  /** Whether the text-entry fallback is open. */
  isTyping: boolean;
  /** Why the last attempt was refused, or `null`. */
  error: string | null;
  /** A warning about the current combo, or `null`. */
  warning: string | null;
  /** What to announce in a live region. */
  announcement: string;
  /** Starts recording. */
  startRecording: () => void;
  /** Stops recording or typing without a change. */
  cancel: () => void;
  /** Whether `clear` can remove the shortcut now (`allowEmpty`, a shortcut set, not disabled). */
  canClear: boolean;
  /** Removes the shortcut and announces it, where `canClear`. */
  clear: () => void;
  /** Opens the text-entry fallback. */
  startTyping: () => void;
  /** The text typed into the fallback. */
  typedText: string;
  /** Accepts the typed text if it parses; returns whether it did. */
  applyTyped: () => boolean;
  /** Props for the recording button, merged with the host's own (the host's handlers run first). */
  getButtonProps: <P extends ComponentPropsWithRef<'button'>>(userProps?: P) => MergedProps<RecorderButtonProps, P>;
  /** Props for the fallback's text input, merged with the host's own (the host's handlers run first). */
  getTextInputProps: <P extends ComponentPropsWithRef<'input'>>(
    userProps?: P,
  ) => MergedProps<RecorderTextInputProps, P>;
}

/** What `getButtonProps` gives the recording button. */
export interface RecorderButtonProps {
  type: 'button';
  'aria-label': string;
  'aria-disabled': boolean;
  'data-state': 'idle' | 'recording';
  onClick: () => void;
  onKeyDown: (event: ReactKeyboardEvent) => void;
  onBlur: () => void;
}

/** What `getTextInputProps` gives the fallback's text input. */
export interface RecorderTextInputProps {
  value: string;
  'aria-label': string;
  onChange: (event: { target: { value: string } }) => void;
  onKeyDown: (event: ReactKeyboardEvent) => void;
}

/**
 * Records one shortcut: activate, press the keys. Keys are named as `comboFromKeyboardEvent`
 * names them (the letter the layout prints, digits and punctuation by their unshifted key);
 * modifier-only presses are ignored; Escape cancels; Tab and Shift+Tab leave (as cancel) and move
 * focus on; Backspace and Delete are recorded like any key, and `clear` removes the shortcut where
 * allowed. Combos the operating system keeps are refused with the reason. A text-entry fallback
 * accepts any combo `parseCombo` accepts (Escape itself, for instance).
 *
 * @example
 * const recorder = useHotkeyRecorder({ defaultValue: 'ctrl+k', onRecord: ({ combo }) => save(combo) });
 * <button {...recorder.getButtonProps()}>{recorder.isRecording ? 'Press keys…' : recorder.display}</button>
 */
export function useHotkeyRecorder(options: UseHotkeyRecorderOptions = {}): UseHotkeyRecorderResult {
  const t = useTranslate();
  const account = useOptionalAccount();
  const { recording } = useHotkeysCoordination();
  const locale = account?.locale ?? 'en-US';
  const platform = options.platform ?? account?.platform ?? 'other';
  const blockedCombos = options.blockedCombos ?? defaultPreset.rules.hotkeys.blockedCombos;
  const [value, setValue] = useControllableState(options.value, options.defaultValue ?? '', options.onValueChange);
  const [isRecording, setIsRecording] = useState(false);
  const [isTyping, setIsTyping] = useState(false);
  const [typedText, setTypedText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const endRecording = useRef<(() => void) | null>(null);
  // While the parent holds the combo back, "set to …" would be untrue; after that, it is stale.
  const held = options.isHeld === true;
  const [heldBefore, setHeldBefore] = useState(held);
  if (held !== heldBefore) {
    setHeldBefore(held);
    if (held) setAnnouncement('');
  }
  // An unmounted recorder must not keep the app's shortcuts suspended.
  useEffect(() => () => endRecording.current?.(), []);

  const action = options.actionLabel ?? '';
  const display = value ? formatCombo(value, platform) : '';

  function stop() {
    endRecording.current?.();
    endRecording.current = null;
    setIsRecording(false);
  }

  /** Accepts a parsed combo unless the operating system keeps it. */
  function accept(combo: string): boolean {
    const reserved = combo
      ? checkReserved(combo, { refused: blockedCombos })
      : { level: 'ok' as const, reason: undefined };
    // The reason in the catalogue's words, with the combo as this platform shows it; the core's English only if it gave no code.
    const reason =
      'code' in reserved && reserved.code
        ? describeHotkeyMessage({ code: reserved.code, values: { ...reserved.values, combo } }, t, locale, platform)
        : reserved.reason;
    if (reserved.level === 'refused') {
      setError(reason ?? null);
      setAnnouncement(reason ?? '');
      return false;
    }
    const warningText = reserved.level === 'warning' ? (reason ?? null) : null;
    setWarning(warningText);
    setError(null);
    setValue(combo);
    const shown = combo ? formatCombo(combo, platform) : '';
    setAnnouncement(
      combo ? t('hotkeys.recorder.recorded', { action, combo: shown }) : t('hotkeys.recorder.cleared', { action }),
    );
    // The handlers are made anew on every render, so this is the latest `onRecord` (no ref, no effect per recorder).
    options.onRecord?.({ combo, display: shown, ...(warningText ? { warning: warningText } : {}) });
    return true;
  }

  function startRecording() {
    if (options.disabled || isRecording) return;
    setIsTyping(false);
    setError(null);
    endRecording.current = recording.begin();
    setIsRecording(true);
    setAnnouncement(t('hotkeys.recorder.recording', { action }));
  }

  function cancel() {
    if (isRecording) stop();
    setIsTyping(false);
    setAnnouncement(t('hotkeys.recorder.cancelled'));
  }

  function onKeyDown(event: ReactKeyboardEvent) {
    if (!isRecording) return;
    // Tab and Shift+Tab are how keyboard users move on: they leave recording, and focus moves as usual.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      cancel();
      return;
    }
    // While recording every other key belongs to the recorder: nothing else may act on it.
    event.preventDefault();
    event.stopPropagation();
    const noModifiers = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    if (event.key === 'Escape' && noModifiers) {
      cancel();
      return;
    }
    const combo = comboFromKeyboardEvent(event.nativeEvent);
    if (combo === null) return; // a modifier on its own, or a key we can't name: keep waiting
    stop();
    accept(combo);
  }

  const canClear = Boolean(options.allowEmpty) && value !== '' && !options.disabled;

  function clear() {
    if (!canClear) return;
    if (isRecording) stop();
    setIsTyping(false);
    accept('');
  }

  function applyTyped(): boolean {
    const parsed = parseCombo(typedText, platform);
    if (!parsed.ok) {
      setError(describeHotkeyMessage(parsed, t, locale, platform));
      return false;
    }
    const accepted = accept(parsed.combo);
    if (accepted) setIsTyping(false);
    return accepted;
  }

  return {
    value,
    parts: value ? formatComboParts(value, platform) : [],
    display,
    platform,
    isRecording,
    isTyping,
    error,
    warning,
    announcement: held ? '' : announcement,
    startRecording,
    cancel,
    canClear,
    clear,
    startTyping: () => {
      if (options.disabled) return;
      if (isRecording) stop();
      setTypedText(value);
      setError(null);
      setIsTyping(true);
    },
    typedText,
    applyTyped,
    getButtonProps: (userProps) =>
      mergeProps<RecorderButtonProps, NonNullable<typeof userProps>>(
        {
          type: 'button',
          'aria-label': isRecording
            ? t('hotkeys.recorder.prompt')
            : value
              ? t('hotkeys.recorder.label', { action, combo: display })
              : t('hotkeys.recorder.labelNone', { action }),
          'aria-disabled': Boolean(options.disabled),
          'data-state': isRecording ? 'recording' : 'idle',
          onClick: () => (isRecording ? undefined : startRecording()),
          onKeyDown,
          onBlur: () => {
            if (isRecording) cancel();
          },
        },
        userProps,
      ),
    getTextInputProps: (userProps) =>
      mergeProps<RecorderTextInputProps, NonNullable<typeof userProps>>(
        {
          value: typedText,
          'aria-label': t('hotkeys.recorder.typeLabel', { action }),
          onChange: (event) => {
            setTypedText(event.target.value);
            setError(null);
          },
          onKeyDown: (event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              applyTyped();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }
          },
        },
        userProps,
      ),
  };
}
