import { memo, type MouseEvent } from 'react';
import { formatCombo } from '../../core/hotkeys/combo';
import type { HotkeyBinding, HotkeyPlatform } from '../../core/hotkeys/types';
import { useTranslate } from '../../hooks/use-translate';
import { HotkeyRecorder } from '../hotkey-recorder/hotkey-recorder';

/** Props of one editor row; every value is either primitive or stable between renders. */
export interface HotkeyRowProps {
  binding: HotkeyBinding;
  platform: HotkeyPlatform;
  /** The combos the server refuses, which the recorder does not accept (a stable array). */
  blockedCombos: readonly string[];
  /** "Also used by …" text, or empty. */
  conflictText: string;
  /** The pending-duplicate question for this row, or empty. */
  pendingText: string;
  /** Whether the pending duplicate is this row's own proposal (it offers Allow duplicate). */
  isPendingOwner: boolean;
  /** Whether this row took a combo another row has (by import, Reset or its switch) and offers Allow duplicate for it. */
  canAllowDuplicate?: boolean;
  /** Whether the row's recorded combo waits for Allow duplicate (its recorder then doesn't announce "set to …"). */
  isHeld?: boolean;
  /** Called with the row's list item when it mounts and `null` when it unmounts (the editor shows and hides rows for the search through it, without rendering them). */
  onItem?: (id: string, item: HTMLLIElement | null) => void;
  disabled: boolean;
  onKeyChange: (id: string, key: string) => void;
  onActiveChange: (id: string, active: boolean) => void;
  onReset: (id: string) => void;
  onAllowDuplicate: (id: string) => void;
  onCancelDuplicate: () => void;
  /** Called on every render, for render counting in tests and benchmarks. */
  onRender?: (id: string) => void;
}

/** The id of a row's label, which names its list item. */
function rowLabelId(id: string): string {
  return `ras-hotkey-${id}`;
}

/**
 * Runs a row action whose button goes away with it (Reset, Allow duplicate, Cancel), then, once the
 * row has re-rendered, puts focus on the row's recorder instead of leaving it on `<body>`.
 */
function thenFocusRecorder(event: MouseEvent<HTMLButtonElement>, action: () => void) {
  const button = event.currentTarget;
  const row = button.closest('li');
  action();
  // After React's commit of this click's update, whatever scheduling the editor uses for it.
  setTimeout(() => {
    const active = document.activeElement;
    if (button.isConnected || (active && active !== document.body && active.isConnected)) return;
    row?.querySelector<HTMLElement>('[data-slot="ras-hotkey-recorder-button"]')?.focus();
  }, 0);
}

/**
 * One action as a list item: label, description, Enabled switch, recorder, Reset, and conflict
 * messages. The search hides the item rather than removing it, and does so on the element itself
 * (`onItem`), so neither typing nor clearing a search renders any row.
 */
export const HotkeyRow = memo(function HotkeyRow({
  binding,
  platform,
  blockedCombos,
  conflictText,
  pendingText,
  isPendingOwner,
  canAllowDuplicate = false,
  isHeld = false,
  disabled,
  onKeyChange,
  onActiveChange,
  onReset,
  onAllowDuplicate,
  onCancelDuplicate,
  onRender,
  onItem,
}: HotkeyRowProps) {
  const t = useTranslate();
  onRender?.(binding.id);
  const differs = binding.key !== binding.defaultKey || binding.active !== binding.defaultActive;
  const id = binding.id;
  const labelId = rowLabelId(id);
  return (
    <li
      ref={onItem ? (item) => onItem(id, item) : undefined}
      data-slot="ras-hotkey-row"
      data-state={binding.active ? 'active' : 'inactive'}
      data-conflict={conflictText || pendingText ? '' : undefined}
      aria-labelledby={labelId}
    >
      <input
        type="checkbox"
        role="switch"
        data-slot="ras-hotkey-row-switch"
        checked={binding.active}
        disabled={disabled}
        aria-label={t('hotkeys.editor.enabled', { action: binding.label })}
        onChange={(event) => onActiveChange(binding.id, event.target.checked)}
      />
      <div data-slot="ras-hotkey-row-text">
        <span id={labelId} data-slot="ras-hotkey-row-label">
          {binding.label}
        </span>
        {binding.description ? <span data-slot="ras-hotkey-row-description">{binding.description}</span> : null}
      </div>
      <HotkeyRecorder
        value={binding.key}
        onValueChange={(key) => onKeyChange(binding.id, key)}
        actionLabel={binding.label}
        platform={platform}
        blockedCombos={blockedCombos}
        disabled={disabled}
        isHeld={isHeld}
        allowEmpty
      />
      {differs ? (
        <button
          type="button"
          data-slot="ras-button"
          data-variant="ghost"
          aria-label={t('hotkeys.editor.resetRow', {
            action: binding.label,
            combo: binding.defaultKey ? formatCombo(binding.defaultKey, platform) : t('hotkeys.recorder.none'),
          })}
          disabled={disabled}
          onClick={(event) => thenFocusRecorder(event, () => onReset(binding.id))}
        >
          {t('hotkeys.editor.reset')}
        </button>
      ) : null}
      {pendingText ? (
        <div data-slot="ras-hotkey-row-pending" role={isPendingOwner ? 'alert' : undefined}>
          <span>{pendingText}</span>
          {isPendingOwner ? (
            <>
              <button
                type="button"
                data-slot="ras-button"
                data-variant="primary"
                onClick={(event) => thenFocusRecorder(event, () => onAllowDuplicate(binding.id))}
              >
                {t('hotkeys.editor.allowDuplicate')}
              </button>
              <button
                type="button"
                data-slot="ras-button"
                data-variant="secondary"
                onClick={(event) => thenFocusRecorder(event, onCancelDuplicate)}
              >
                {t('common.cancel')}
              </button>
            </>
          ) : null}
        </div>
      ) : conflictText ? (
        <div data-slot="ras-hotkey-row-conflict">
          <span>{conflictText}</span>
          {canAllowDuplicate ? (
            <button
              type="button"
              data-slot="ras-button"
              data-variant="secondary"
              aria-label={t('hotkeys.editor.allowDuplicateFor', { action: binding.label })}
              onClick={(event) => thenFocusRecorder(event, () => onAllowDuplicate(binding.id))}
            >
              {t('hotkeys.editor.allowDuplicate')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
});
