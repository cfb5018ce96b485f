import {
  forwardRef,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type CSSProperties,
} from 'react';
import { formatCombo } from '../../core/hotkeys/combo';
import type { HotkeyRules } from '../../core/hotkeys/validate-overrides';
import * as defaultPreset from '../../label-studio/default-preset';
import { useHotkeyEditor, type UseHotkeyEditorOptions } from '../../hooks/use-hotkey-editor';
import { useTranslate } from '../../hooks/use-translate';
import { classNames, visuallyHidden } from '../shared/class-names';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorAlert } from '../shared/error-alert';
import { HotkeyRow } from './hotkey-row';
import { HotkeyImportExport } from '../hotkey-import-export/hotkey-import-export';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { useControllableState } from '../../hooks/use-controllable-state';
import { useHotkeyProjects } from '../../hooks/use-hotkey-projects';
import { HotkeyScope } from './hotkey-scope';

/** Props of `HotkeyEditor`: the hook's options plus the root `<section>`'s own props. */
export interface HotkeyEditorProps extends UseHotkeyEditorOptions, Omit<ComponentProps<'section'>, 'children'> {
  /** Called each time a row renders, with its id (for render counting). */
  onRowRender?: (id: string) => void;
  /** The server's hotkey rules an imported file is checked against (most entries, refused combos). @default the default preset's `rules.hotkeys` */
  hotkeyRules?: Pick<HotkeyRules, 'maxOverrides' | 'blockedCombos'>;
  /** The project whose override is edited when uncontrolled (`null` for the account defaults). @default null */
  defaultProjectId?: string | null;
  /** Called when the user picks another scope in "Hotkeys for" (after confirming the discard of unsaved changes). */
  onProjectChange?: (projectId: string | null) => void;
}

type Notice =
  { kind: 'saved' } | { kind: 'reset' } | { kind: 'imported'; count: number } | { kind: 'allowed'; id: string } | null;

/**
 * The whole shortcut list, in sections: search, an Enabled switch, a recorder and Reset per
 * row, conflicts shown on both rows ("Allow duplicate"), Save of the rows that differ from their
 * defaults, Reset to defaults (asks first), Export / Copy JSON and Import in the export format (`toExport`).
 * When the adapter lists projects, "Hotkeys for" switches between the account defaults and one
 * project's override, which is edited against the account map (asking before unsaved changes go).
 *
 * @example
 * <HotkeyEditor onDirtyChange={setUnsaved} />
 */
export const HotkeyEditor = forwardRef<HTMLElement, HotkeyEditorProps>(function HotkeyEditor(
  {
    adapter,
    definitions,
    sections,
    toExport,
    hotkeyRules,
    onDirtyChange,
    onSaved,
    onRowRender,
    projectId: projectIdProp,
    defaultProjectId,
    onProjectChange,
    className,
    ...props
  },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const [projectId, setProjectId] = useControllableState(projectIdProp, defaultProjectId ?? null, onProjectChange);
  const projects = useHotkeyProjects({ adapter });
  const editor = useHotkeyEditor({ adapter, definitions, sections, toExport, onDirtyChange, onSaved, projectId });
  const rules = hotkeyRules ?? defaultPreset.rules.hotkeys;
  const t = useTranslate();
  const searchId = useId();
  const saveReasonId = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  // A scope the user picked while there were unsaved changes, waiting for "Discard and switch".
  const [nextScope, setNextScope] = useState<{ projectId: string | null } | null>(null);
  const switchScope = (next: string | null) => {
    setNotice(null);
    setProjectId(next);
  };
  const projectTitle = projectId === null ? '' : (projects.projectTitle(projectId) ?? projectId);
  const scopeName = (id: string | null) =>
    id === null ? t('hotkeys.scope.account') : (projects.projectTitle(id) ?? id);
  // The scope is offered only when the adapter lists projects (or the host chose a project).
  const scope =
    projects.isAvailable || projectId !== null ? (
      <div data-slot="ras-hotkey-editor-scope">
        {projects.isAvailable ? (
          <HotkeyScope
            projects={projects}
            projectId={projectId}
            t={t}
            onProjectChange={(next) => {
              if (next === projectId) return;
              if (editor.isDirty) setNextScope({ projectId: next });
              else switchScope(next);
            }}
          />
        ) : null}
        {projectId !== null ? (
          <>
            <h3 data-slot="ras-hotkey-editor-scope-title">
              {t('hotkeys.scope.projectTitle', { title: projectTitle })}
            </h3>
            <p data-slot="ras-hotkey-editor-scope-hint">{t('hotkeys.scope.projectHint')}</p>
          </>
        ) : null}
      </div>
    ) : null;
  const unsavedDialog = (
    <ConfirmDialog
      open={nextScope !== null}
      onOpenChange={(open) => {
        if (!open) setNextScope(null);
      }}
      title={t('hotkeys.scope.unsavedTitle')}
      description={t('hotkeys.scope.unsavedDescription', { scope: scopeName(projectId) })}
      confirmLabel={t('hotkeys.scope.discard')}
      cancelLabel={t('common.cancel')}
      destructive
      onConfirm={() => {
        if (nextScope) switchScope(nextScope.projectId);
        setNextScope(null);
      }}
    />
  );

  const { setKey, setActive, resetRow, allowDuplicate, cancelDuplicate } = editor;
  const onAllowDuplicate = useCallback(
    (id: string) => {
      allowDuplicate(id);
      setNotice({ kind: 'allowed', id });
    },
    [allowDuplicate],
  );
  const onKeyChange = useCallback(
    (id: string, key: string) => {
      setNotice(null);
      setKey(id, key);
    },
    [setKey],
  );
  const onActiveChange = useCallback(
    (id: string, active: boolean) => {
      setNotice(null);
      setActive(id, active);
    },
    [setActive],
  );

  // The list items by binding id. The search shows and hides them here, on the elements, so that
  // clearing a search over 2000 rows renders none of them (React never sets `hidden` on a row).
  const rowItems = useRef(new Map<string, HTMLLIElement>()).current;
  const onRowItem = useCallback(
    (id: string, item: HTMLLIElement | null) => {
      if (item) rowItems.set(id, item);
    },
    [rowItems],
  );
  const { isMatch, visibleSections } = editor;
  useLayoutEffect(() => {
    for (const [id, item] of rowItems) {
      // A row that left the list (its definition went) is forgotten.
      if (!item.isConnected) rowItems.delete(id);
      const hidden = !isMatch(id);
      if (item.hidden !== hidden) item.hidden = hidden;
    }
    // `visibleSections` changes exactly when the set of matching rows does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowItems, visibleSections]);

  const root = {
    'aria-label': t('hotkeys.editor.title'),
    'data-slot': 'ras-hotkey-editor',
    className: classNames('ras-hotkey-editor', className),
    ...themeAttributes,
    ...rest,
  };

  if (editor.status !== 'success') {
    return (
      <section {...root} data-state={editor.status} aria-busy={editor.status === 'loading'}>
        {/* When the account map can't be read no project can be edited either (it is their base), so
            the scope shows on an error only to lead back from a project whose override failed. */}
        {editor.status === 'loading' || projectId !== null ? scope : null}
        {editor.status === 'loading' ? (
          <p data-slot="ras-hotkey-editor-loading">{t('hotkeys.editor.loading')}</p>
        ) : (
          <ErrorAlert error={editor.error} t={t} onRetry={editor.retry} />
        )}
        {unsavedDialog}
      </section>
    );
  }

  const describe = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const other = editor.bindingById(id);
        return other
          ? t('hotkeys.editor.actionInSection', { action: other.label, section: editor.sectionTitle(other.section) })
          : id;
      })
      .join(', ');

  const pending = editor.pending;
  const pendingQuestion = pending
    ? t('hotkeys.editor.duplicate', {
        combo: formatCombo(pending.key, editor.platform),
        actions: describe(pending.conflictsWith),
      })
    : '';
  const pendingOwner = pending ? editor.bindingById(pending.id) : undefined;
  const pendingOtherText =
    pending && pendingOwner
      ? t('hotkeys.editor.alsoUsedBy', {
          actions: describe([pending.id]),
        })
      : '';
  const pendingWaiting =
    pending && pendingOwner
      ? t('hotkeys.editor.waiting', { combo: formatCombo(pending.key, editor.platform), action: pendingOwner.label })
      : '';
  const labels = (ids: readonly string[]) => ids.map((id) => editor.bindingById(id)?.label ?? id).join(', ');
  const saveReason =
    editor.saveBlocker === 'read-only'
      ? t('hotkeys.editor.saveReason.readOnly')
      : editor.saveBlocker === 'pending-duplicate'
        ? t('hotkeys.editor.saveReason.pending', { action: pendingOwner?.label ?? '' })
        : editor.saveBlocker === 'duplicates'
          ? t('hotkeys.editor.saveReason.duplicates', { actions: labels(editor.unallowedDuplicates) })
          : editor.saveBlocker === 'unchanged'
            ? t('hotkeys.editor.saveReason.unchanged')
            : '';
  const allowedRow = notice?.kind === 'allowed' ? editor.bindingById(notice.id) : undefined;
  const status = pendingWaiting
    ? pendingWaiting
    : notice?.kind === 'saved'
      ? t('hotkeys.editor.saved')
      : notice?.kind === 'reset'
        ? projectId === null
          ? t('hotkeys.editor.resetDone')
          : t('hotkeys.scope.resetDone', { title: projectTitle })
        : notice?.kind === 'imported'
          ? t('hotkeys.import.applied', { count: notice.count })
          : allowedRow
            ? t('hotkeys.editor.allowed', {
                action: allowedRow.label,
                combo: allowedRow.key ? formatCombo(allowedRow.key, editor.platform) : t('hotkeys.recorder.none'),
              })
            : '';

  return (
    <section {...root} data-state={editor.isDirty ? 'dirty' : 'clean'}>
      {scope}
      <div data-slot="ras-hotkey-editor-toolbar">
        <div data-slot="ras-hotkey-editor-search">
          <label htmlFor={searchId}>{t('hotkeys.editor.search')}</label>
          <input
            id={searchId}
            type="search"
            value={editor.query}
            autoComplete="off"
            onChange={(event) => editor.setQuery(event.target.value)}
          />
        </div>
        <div data-slot="ras-hotkey-editor-actions">
          <HotkeyImportExport
            adapter={adapter}
            definitions={definitions ?? defaultPreset.hotkeyDefinitions}
            toExport={toExport}
            hotkeyRules={rules}
            fileName={projectId === null ? 'hotkeys-export.json' : `hotkeys-export-project-${projectId}.json`}
            bindings={editor.bindings}
            saveSettingsThroughAdapter
            onImport={(_overrides, imported) => {
              setNotice({ kind: 'imported', count: editor.applyBindings(imported) });
            }}
          />
          {editor.canSave ? (
            <button type="button" data-slot="ras-button" data-variant="danger" onClick={() => setConfirmingReset(true)}>
              {projectId === null ? t('hotkeys.editor.resetAll') : t('hotkeys.scope.reset')}
            </button>
          ) : null}
        </div>
      </div>

      {/* Save and Discard stay in sight while there is something to save (the bar sticks to the top). */}
      <div data-slot="ras-hotkey-editor-savebar" data-state={editor.isDirty ? 'dirty' : 'clean'}>
        <Button
          variant="primary"
          unavailable={editor.saveBlocker !== null}
          unavailableReasonId={saveReasonId}
          pending={editor.save.isPending}
          onClick={async () => {
            if (await editor.save.run()) setNotice({ kind: 'saved' });
          }}
        >
          {editor.save.isPending ? t('hotkeys.editor.saving') : t('hotkeys.editor.save')}
        </Button>
        <Button variant="secondary" unavailable={!editor.isDirty} onClick={() => editor.discard()}>
          {t('hotkeys.editor.discard')}
        </Button>
        {saveReason ? (
          <span id={saveReasonId} data-slot="ras-hotkey-editor-save-reason">
            {saveReason}
          </span>
        ) : null}
        <p role="status" data-slot="ras-hotkey-editor-status">
          {status}
        </p>
      </div>

      {editor.save.error && !confirmingReset ? (
        <ErrorAlert error={editor.save.error} t={t} onRetry={() => void editor.save.run()} />
      ) : null}
      <p style={visuallyHidden} aria-live="polite">
        {editor.query ? t('hotkeys.editor.count', { count: editor.visibleCount }) : ''}
      </p>

      {editor.visibleSections.length === 0 ? (
        <p data-slot="ras-hotkey-editor-empty">{t('hotkeys.editor.noMatches', { query: editor.query })}</p>
      ) : null}
      {/* Every row stays mounted; the search hides the ones it leaves out, so clearing it renders nothing anew. */}
      {editor.allSections.map((section) => {
        const anyMatch = section.bindings.some((binding) => editor.isMatch(binding.id));
        return (
          <section
            key={section.id}
            data-slot="ras-hotkey-section"
            aria-labelledby={`${searchId}-${section.id}`}
            hidden={!anyMatch}
            style={{ '--_ras-hotkey-rows': section.bindings.length } as CSSProperties}
          >
            <h3 id={`${searchId}-${section.id}`} data-slot="ras-hotkey-section-title">
              {section.title}
            </h3>
            {section.description ? <p data-slot="ras-hotkey-section-description">{section.description}</p> : null}
            <ul data-slot="ras-hotkey-list">
              {section.bindings.map((binding) => {
                const isOwner = pending?.id === binding.id;
                const isOther = pending?.conflictsWith.includes(binding.id) ?? false;
                const others = editor.conflicts.get(binding.id);
                return (
                  <HotkeyRow
                    key={binding.id}
                    binding={binding}
                    platform={editor.platform}
                    blockedCombos={rules.blockedCombos}
                    conflictText={others ? t('hotkeys.editor.alsoUsedBy', { actions: describe(others) }) : ''}
                    pendingText={isOwner ? pendingQuestion : isOther ? pendingOtherText : ''}
                    isPendingOwner={isOwner}
                    canAllowDuplicate={editor.unallowedDuplicates.includes(binding.id)}
                    isHeld={isOwner}
                    onItem={onRowItem}
                    disabled={!editor.canSave}
                    onKeyChange={onKeyChange}
                    onActiveChange={onActiveChange}
                    onReset={resetRow}
                    onAllowDuplicate={onAllowDuplicate}
                    onCancelDuplicate={cancelDuplicate}
                    onRender={onRowRender}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}

      <ConfirmDialog
        open={confirmingReset}
        onOpenChange={setConfirmingReset}
        title={
          projectId === null
            ? t('hotkeys.editor.resetAllTitle')
            : t('hotkeys.scope.resetTitle', { title: projectTitle })
        }
        description={projectId === null ? t('hotkeys.editor.resetAllDescription') : t('hotkeys.scope.resetDescription')}
        confirmLabel={projectId === null ? t('hotkeys.editor.resetAll') : t('hotkeys.scope.reset')}
        cancelLabel={t('common.cancel')}
        destructive
        isPending={editor.save.isPending}
        onConfirm={async () => {
          if (await editor.resetToDefaults()) {
            setConfirmingReset(false);
            setNotice({ kind: 'reset' });
          }
        }}
      >
        {editor.save.error ? <ErrorAlert error={editor.save.error} t={t} /> : null}
      </ConfirmDialog>
      {unsavedDialog}
    </section>
  );
});
HotkeyEditor.displayName = 'HotkeyEditor';
