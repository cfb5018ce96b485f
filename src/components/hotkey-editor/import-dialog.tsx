import { useId, useRef, useState } from 'react';
import { parseHotkeyImport, summarizeImport, MAX_HOTKEY_IMPORT_BYTES } from '../../core/hotkeys/import-export';
import type { HotkeyBinding, HotkeyDefinition, ImportProblem } from '../../core/hotkeys/types';
import type { HotkeyRules } from '../../core/hotkeys/validate-overrides';
import { formatFileSize } from '../../core/image/validate-avatar-file';
import { useTranslate, type Translate } from '../../hooks/use-translate';
import { describeHotkeyMessage } from '../../i18n/describe-hotkey-message';
import { useOptionalAccount } from '../../provider/account-context';
import { Button } from '../shared/button';
import { ModalDialog } from '../shared/modal-dialog';

/** Props of the import dialog. */
export interface ImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  definitions: readonly HotkeyDefinition[];
  rules: Pick<HotkeyRules, 'maxOverrides' | 'blockedCombos'>;
  current: readonly HotkeyBinding[];
  onApply: (bindings: HotkeyBinding[]) => void;
}

function describeProblem(problem: ImportProblem, t: Translate): string {
  if (problem.index === undefined) return problem.message;
  // People count entries from 1.
  const index = problem.index + 1;
  return problem.field
    ? t('hotkeys.import.problemAt', { index, field: problem.field, message: problem.message })
    : t('hotkeys.import.problemAtIndex', { index, message: problem.message });
}

/** Paste or choose a hotkeys export (JSON), see every problem and a preview, then Apply. */
export function ImportDialog({ open, onOpenChange, definitions, rules, current, onApply }: ImportDialogProps) {
  const t = useTranslate();
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const result =
    text.trim() === ''
      ? null
      : parseHotkeyImport(text, definitions, {
          rules,
          formatMessage: (message) => describeHotkeyMessage(message, t, locale),
        });
  const summary = result ? summarizeImport(current, result) : null;
  const canApply = Boolean(result?.ok && summary && summary.changed > 0);

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
        description={t('hotkeys.import.description')}
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
                  <li key={index}>{describeProblem(problem, t)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result && result.warnings.length > 0 ? (
            <div data-slot="ras-hotkey-import-warnings">
              <p>{t('hotkeys.import.warnings', { count: result.warnings.length })}</p>
              <ul>
                {result.warnings.map((problem, index) => (
                  <li key={index}>{describeProblem(problem, t)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result?.ok && summary ? (
            <p data-slot="ras-hotkey-import-preview">
              {t('hotkeys.import.preview', {
                changed: t('hotkeys.import.changed', { count: summary.changed }),
                unknown: t('hotkeys.import.unknown', { count: summary.unknown }),
              })}
            </p>
          ) : null}
        </div>
        <div data-slot="ras-dialog-actions">
          <ModalDialog.Close asChild>
            <Button variant="secondary">{t('common.cancel')}</Button>
          </ModalDialog.Close>
          <Button
            variant="primary"
            unavailable={!canApply}
            onClick={() => {
              if (!result) return;
              onApply(result.bindings);
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
