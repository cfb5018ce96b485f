import { forwardRef, useState, type ComponentProps } from 'react';
import type { HotkeyRules } from '../../core/hotkeys/validate-overrides';
import * as defaultPreset from '../../label-studio/default-preset';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { useHotkeyImportExport, type UseHotkeyImportExportOptions } from '../../hooks/use-hotkey-import-export';
import { useTranslate } from '../../hooks/use-translate';
import { classNames } from '../shared/class-names';
import { Button } from '../shared/button';
import { ErrorAlert } from '../shared/error-alert';
import { ImportDialog } from './import-dialog';

/** Props of `HotkeyImportExport`: the hook's options plus the root `<div>`'s own props. */
export interface HotkeyImportExportProps extends UseHotkeyImportExportOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** The server's hotkey rules an imported file is checked against (most entries, refused combos). @default the default preset's `rules.hotkeys` */
  hotkeyRules?: Pick<HotkeyRules, 'maxOverrides' | 'blockedCombos'>;
  /** The downloaded file's name. @default 'hotkeys-export.json' */
  fileName?: string;
}

type Notice = { kind: 'copied' } | { kind: 'saved' } | null;

/** Downloads a text as a JSON file through a temporary `a[download]` with a Blob address. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Export (a download), Copy JSON and Import (paste or a file, every problem listed, a preview) of
 * the user's shortcuts, for hosts that keep their own editor: an import is saved through the
 * adapter's `saveHotkeys` over the stored map, or handed to `onImport` instead.
 *
 * @example
 * <HotkeyImportExport onImport={(overrides) => myEditor.load(overrides)} />
 */
export const HotkeyImportExport = forwardRef<HTMLDivElement, HotkeyImportExportProps>(function HotkeyImportExport(
  {
    adapter,
    definitions,
    toExport,
    bindings,
    onImport,
    saveSettingsThroughAdapter,
    hotkeyRules,
    fileName,
    className,
    ...props
  },
  ref,
) {
  const themeAttributes = useThemeAttributes();
  const io = useHotkeyImportExport({
    adapter,
    definitions,
    toExport,
    bindings,
    onImport,
    saveSettingsThroughAdapter,
  });
  const rules = hotkeyRules ?? defaultPreset.rules.hotkeys;
  const t = useTranslate();
  const [notice, setNotice] = useState<Notice>(null);
  const [importing, setImporting] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const standalone = onImport === undefined;

  const root = {
    role: 'group',
    'aria-label': t('hotkeys.importExport.title'),
    'data-slot': 'ras-hotkey-import-export',
    className: classNames('ras-hotkey-import-export', className),
    ...themeAttributes,
    ...props,
    ref,
  };

  if (io.status !== 'success') {
    return (
      <div {...root} data-state={io.status} aria-busy={io.status === 'loading'}>
        {io.status === 'loading' ? (
          <p data-slot="ras-hotkey-import-export-loading">{t('hotkeys.importExport.loading')}</p>
        ) : (
          <ErrorAlert error={io.error} t={t} onRetry={io.retry} />
        )}
      </div>
    );
  }

  const state = io.save.isPending ? 'saving' : !io.canExport ? 'empty' : notice?.kind === 'saved' ? 'saved' : 'ready';
  const status = io.save.isPending
    ? t('hotkeys.importExport.saving')
    : notice?.kind === 'saved'
      ? t('hotkeys.importExport.saved')
      : '';

  return (
    <div {...root} data-state={state}>
      <div data-slot="ras-hotkey-import-export-actions">
        <Button
          variant="secondary"
          unavailable={!io.canExport}
          onClick={() => download(fileName ?? 'hotkeys-export.json', io.exportJson())}
        >
          {t('hotkeys.editor.export')}
        </Button>
        <Button
          variant="secondary"
          unavailable={!io.canExport}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(io.exportJson());
              setCopyFailed(false);
              setNotice({ kind: 'copied' });
            } catch {
              setCopyFailed(true);
            }
          }}
        >
          {notice?.kind === 'copied' ? t('hotkeys.editor.copied') : t('hotkeys.editor.copyJson')}
        </Button>
        <Button
          variant="secondary"
          unavailable={!io.canApply || !io.canExport}
          pending={io.save.isPending}
          onClick={() => {
            io.save.reset();
            setImporting(true);
          }}
        >
          {t('hotkeys.editor.import')}
        </Button>
      </div>
      {!io.canExport ? <p data-slot="ras-hotkey-import-export-empty">{t('hotkeys.importExport.empty')}</p> : null}
      {copyFailed ? (
        <p role="alert" data-slot="ras-hotkey-import-export-copy-error">
          {t('hotkeys.editor.copyFailed')}
        </p>
      ) : null}
      {/* Beside an editor (onImport) the editor reports the import; alone, the widget says how the save went. */}
      {standalone ? (
        <p role="status" data-slot="ras-hotkey-import-export-status">
          {status}
        </p>
      ) : null}
      <ImportDialog
        open={importing}
        onOpenChange={setImporting}
        definitions={definitions ?? defaultPreset.hotkeyDefinitions}
        rules={rules}
        current={io.bindings}
        currentSettings={io.settings}
        description={standalone ? t('hotkeys.importExport.saveDescription') : undefined}
        isPending={io.save.isPending}
        onApply={async (imported, settings) => {
          setNotice(null);
          const ok = await io.apply(imported, settings);
          if (ok && standalone) setNotice({ kind: 'saved' });
          return ok;
        }}
      >
        {io.save.error ? <ErrorAlert error={io.save.error} t={t} /> : null}
      </ImportDialog>
    </div>
  );
});
HotkeyImportExport.displayName = 'HotkeyImportExport';
