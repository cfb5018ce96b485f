import { forwardRef, Fragment, useId, useRef, useState, type ComponentProps } from 'react';
import { useHotkeyRecorder, type UseHotkeyRecorderOptions } from '../../hooks/use-hotkey-recorder';
import { useTranslate } from '../../hooks/use-translate';
import { Button } from '../shared/button';
import { classNames, visuallyHidden } from '../shared/class-names';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `HotkeyRecorder`: the hook's options plus the root `<span>`'s own props. */
export interface HotkeyRecorderProps
  extends UseHotkeyRecorderOptions, Omit<ComponentProps<'span'>, 'defaultValue' | 'onChange' | 'children'> {
  /** Whether to offer the "Type shortcut" text entry. @default true */
  allowTyping?: boolean;
}

/**
 * One shortcut as `<kbd>` chips in a button: activate it and press the keys to record a new
 * one (Esc cancels, Tab leaves), use "Type shortcut" to type it (Esc itself, for instance), or,
 * with `allowEmpty`, "Clear" to remove it.
 *
 * @example
 * <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" onRecord={({ combo }) => save(combo)} />
 */
export const HotkeyRecorder = forwardRef<HTMLSpanElement, HotkeyRecorderProps>(function HotkeyRecorder(
  {
    value,
    defaultValue,
    onValueChange,
    onRecord,
    actionLabel,
    allowEmpty,
    platform,
    blockedCombos,
    disabled,
    isHeld,
    allowTyping = true,
    className,
    onFocus,
    onPointerDown,
    ...props
  },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const recorder = useHotkeyRecorder({
    value,
    defaultValue,
    onValueChange,
    onRecord,
    actionLabel,
    allowEmpty,
    platform,
    blockedCombos,
    disabled,
    isHeld,
  });
  const t = useTranslate();
  const hintId = useId();
  const escapeHintId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const state = recorder.isRecording ? 'recording' : recorder.isTyping ? 'typing' : 'idle';
  // The live region is put in place when the user first reaches the recorder (focus, or a press,
  // which Safari gives without focus), before anything is announced in it: a list of 2000
  // recorders then holds no 2000 empty live regions for screen readers to track.
  const [isEngaged, setIsEngaged] = useState(false);
  const engage = () => {
    if (!isEngaged) setIsEngaged(true);
  };

  return (
    <span
      data-slot="ras-hotkey-recorder"
      data-state={state}
      className={classNames('ras-hotkey-recorder', className)}
      {...themeAttributes}
      {...rest}
      onFocus={(event) => {
        onFocus?.(event);
        engage();
      }}
      onPointerDown={(event) => {
        onPointerDown?.(event);
        engage();
      }}
    >
      {recorder.isTyping ? (
        <span data-slot="ras-hotkey-recorder-typing">
          {/* Focus moves here when typing starts: the user asked for this field. */}
          <input
            type="text"
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            {...recorder.getTextInputProps()}
          />
          <span id={hintId} data-slot="ras-hotkey-recorder-hint">
            {t('hotkeys.recorder.typeHint')}
          </span>
          <button type="button" data-slot="ras-button" data-variant="primary" onClick={recorder.applyTyped}>
            {t('hotkeys.recorder.apply')}
          </button>
          <button type="button" data-slot="ras-button" data-variant="secondary" onClick={recorder.cancel}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <>
          <button
            data-slot="ras-hotkey-recorder-button"
            {...recorder.getButtonProps()}
            ref={buttonRef}
            aria-describedby={recorder.isRecording && allowTyping ? escapeHintId : undefined}
          >
            {recorder.isRecording ? (
              <span data-slot="ras-hotkey-recorder-prompt">{t('hotkeys.recorder.prompt')}</span>
            ) : recorder.parts.length > 0 ? (
              recorder.parts.map((part, index) => (
                <Fragment key={index}>
                  {/* The visible text must match the accessible name (WCAG 2.5.3): "Ctrl+Enter", "⌘↩". */}
                  {index > 0 && recorder.platform !== 'mac' ? '+' : null}
                  <kbd data-slot="ras-kbd">{part}</kbd>
                </Fragment>
              ))
            ) : (
              <span data-slot="ras-hotkey-recorder-none">{t('hotkeys.recorder.none')}</span>
            )}
          </button>
          {recorder.isRecording && allowTyping ? (
            <span id={escapeHintId} data-slot="ras-hotkey-recorder-hint">
              {t('hotkeys.recorder.escapeHint')}
            </span>
          ) : null}
          {allowTyping ? (
            <Button variant="ghost" unavailable={disabled || undefined} onClick={recorder.startTyping}>
              {t('hotkeys.recorder.type')}
            </Button>
          ) : null}
          {allowEmpty && recorder.value !== '' ? (
            <Button
              variant="ghost"
              aria-label={t('hotkeys.recorder.clearLabel', { action: actionLabel ?? '' })}
              unavailable={disabled || undefined}
              onClick={() => {
                recorder.clear();
                // The Clear button goes with the shortcut: keep focus on the recorder, not on the page.
                buttonRef.current?.focus();
              }}
            >
              {t('hotkeys.recorder.clear')}
            </Button>
          ) : null}
        </>
      )}
      {recorder.error ? (
        <span role="alert" data-slot="ras-hotkey-recorder-error">
          {recorder.error}
        </span>
      ) : recorder.warning ? (
        <span data-slot="ras-hotkey-recorder-warning">{recorder.warning}</span>
      ) : null}
      {isEngaged || recorder.announcement ? (
        <span role="status" style={visuallyHidden}>
          {recorder.announcement}
        </span>
      ) : null}
    </span>
  );
});
HotkeyRecorder.displayName = 'HotkeyRecorder';
