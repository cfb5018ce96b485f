import { useId, useRef, useState, type ReactNode } from 'react';
import { parseHotkeyImport, summarizeImport, MAX_HOTKEY_IMPORT_BYTES } from '../../core/hotkeys/import-export';
import type { HotkeySettings } from '../../adapters/types';
import type { HotkeyBinding, HotkeyDefinition } from '../../core/hotkeys/types';
import type { HotkeyRules } from '../../core/hotkeys/validate-overrides';
import { sameJsonValue } from '../../core/hotkeys/validate-settings';
import { formatFileSize } from '../../core/image/validate-avatar-file';
import { useTranslate } from '../../hooks/use-translate';
import { describeHotkeyMessage } from '../../i18n/describe-hotkey-message';
import { useOptionalAccount } from '../../provider/account-context';
import { Button } from '../shared/button';
import { ModalDialog } from '../shared/modal-dialog';

const NO_SETTINGS: HotkeySettings = {};

/** Props of the import dialog. */
export interface ImportDialogProps {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called when the dialog asks to open or close (Cancel, Escape, after Apply). */
  onOpenChange: (open: boolean) => void;
  /** The actions the editor knows; entries for other actions are ignored with a warning. */
  definitions: readonly HotkeyDefinition[];
  /** The backend's limits and blocked combos the imported entries are checked against. */
  rules: Pick<HotkeyRules, 'maxOverrides' | 'blockedCombos'>;
  /** The editor's bindings now, which the preview compares the import with. */
  current: readonly HotkeyBinding[];
  /** Called with the imported bindings (the skipped entries left out) when the user applies them, and the file's hotkey settings when they differ from `currentSettings`. */
  onApply: (bindings: HotkeyBinding[], settings?: HotkeySettings) => void | Promise<boolean>;
  /** The stored hotkey settings, which the preview compares the file's `settings` with. @default `{}` */
  currentSettings?: HotkeySettings;
  /** What the dialog says under its title. @default "…you can still discard it before saving" (`hotkeys.import.description`) */
  description?: string;
  /** Shown in the dialog while Apply is under way or after it failed (the widget's save error). */
  children?: ReactNode;
  /** Whether Apply is under way (a save through the adapter). */
  isPending?: boolean;
}

/** Paste or choose a hotkeys export (JSON), see every problem and a preview, then Apply (the dialog of `HotkeyImportExport`). */
export function ImportDialog({
  open,
  onOpenChange,
  definitions,
  rules,
  current,
  onApply,
  description,
  children,
  isPending = false,
  currentSettings = NO_SETTINGS,
}: ImportDialogProps) {
  const t = useTranslate();
  const account = useOptionalAccount();
  const locale = account?.locale ?? 'en-US';
  const platform = account?.platform ?? 'other';
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const result =
    text.trim() === ''
      ? null
      : parseHotkeyImport(text, definitions, {
          rules,
          platform,
          formatMessage: (message) => describeHotkeyMessage(message, t, locale, platform),
        });
  const summary = result ? summarizeImport(current, result) : null;
  const newSettings =
    result?.ok && result.settings && !sameJsonValue(result.settings, currentSettings)
      ? (result.settings as HotkeySettings)
      : undefined;
  const canApply = Boolean(result?.ok && summary && (summary.changed > 0 || newSettings));

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileError(null);
    if (file.size > MAX_HOTKEY_IMPORT_BYTES) {
      setFileError(t('hotkeys.import.fileTooLarge', { size: formatFileSize(file.size) }));
      return;
    }
    setText(await file.text());
  }

  return (
    <ModalDialog.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setFileError(null);
      }}
    >
      <ModalDialog.Content
        data-size="wide"
        title={t('hotkeys.import.title')}
        description={description ?? t('hotkeys.import.description')}
      >
        <div data-slot="ras-hotkey-import-field">
          <label htmlFor={`${id}-json`}>{t('hotkeys.import.json')}</label>
          <textarea
            id={`${id}-json`}
            rows={10}
            spellCheck={false}
            value={text}
            aria-invalid={result ? !result.ok : undefined}
            aria-describedby={result ? `${id}-report` : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            tabIndex={-1}
            aria-label={t('hotkeys.import.chooseFile')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              void readFile(file);
            }}
          />
          <Button variant="secondary" onClick={() => fileInput.current?.click()}>
            {t('hotkeys.import.chooseFile')}
          </Button>
        </div>
        {fileError ? (
          <p role="alert" data-slot="ras-hotkey-import-errors">
            {fileError}
          </p>
        ) : null}
        <div id={`${id}-report`} data-slot="ras-hotkey-import-report" aria-live="polite">
          {result && result.errors.length > 0 ? (
            <div data-slot="ras-hotkey-import-errors">
              <p>{t('hotkeys.import.problems', { count: result.errors.length })}</p>
              <ul>
                {result.errors.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result && result.warnings.length > 0 ? (
            <div data-slot="ras-hotkey-import-warnings">
              <p>{t('hotkeys.import.warnings', { count: result.warnings.length })}</p>
              <ul>
                {result.warnings.map((problem, index) => (
                  <li key={index} data-skipped={problem.skipped ? '' : undefined}>
                    {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result?.ok && summary ? (
            <p data-slot="ras-hotkey-import-preview">
              {t('hotkeys.import.preview', {
                changed: t('hotkeys.import.changed', { count: summary.changed }),
                skipped: summary.skipped > 0 ? t('hotkeys.import.skipped', { count: summary.skipped }) : '',
                unknown: summary.unknown > 0 ? t('hotkeys.import.unknown', { count: summary.unknown }) : '',
              })}
            </p>
          ) : null}
          {newSettings ? (
            <p data-slot="ras-hotkey-import-settings">{t('hotkeys.importExport.settingsChange')}</p>
          ) : null}
        </div>
        {children}
        <div data-slot="ras-dialog-actions">
          <ModalDialog.Close asChild>
            <Button variant="secondary">{t('common.cancel')}</Button>
          </ModalDialog.Close>
          <Button
            variant="primary"
            unavailable={!canApply}
            pending={isPending}
            onClick={async () => {
              if (!result || isPending) return;
              // A save that fails keeps the dialog open with the text, so the user can try again.
              if ((await onApply(result.bindings, newSettings)) === false) return;
              setText('');
              onOpenChange(false);
            }}
          >
            {t('hotkeys.import.apply')}
          </Button>
        </div>
      </ModalDialog.Content>
    </ModalDialog.Root>
  );
}
