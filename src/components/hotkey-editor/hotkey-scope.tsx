import { useId } from 'react';
import type { UseHotkeyProjectsResult } from '../../hooks/use-hotkey-projects';
import type { Translate } from '../../hooks/use-translate';

/** Props of `HotkeyScope`: which map the editor edits, the project list to choose from, and the change. */
export interface HotkeyScopeProps {
  /** The projects (from `useHotkeyProjects`). */
  projects: UseHotkeyProjectsResult;
  /** The chosen project's id, or `null` for the account defaults. */
  projectId: string | null;
  /** Called with the scope the user picks (`null` for the account defaults). */
  onProjectChange: (projectId: string | null) => void;
  /** The translator of the editor. */
  t: Translate;
}

/**
 * "Hotkeys for": a native select of the account defaults and the projects (keyboard and screen
 * readers get the platform's own list), and a search box that narrows the list through
 * `listProjects`; it says when the projects load, fail (with Retry), are none or match nothing.
 */
export function HotkeyScope({ projects, projectId, onProjectChange, t }: HotkeyScopeProps) {
  const selectId = useId();
  const searchId = useId();
  const statusId = useId();
  const items = projects.status === 'success' ? projects.data.items : [];
  const total = projects.status === 'success' ? projects.data.total : 0;
  // The chosen project stays an option while a search leaves it out, so the select keeps showing it.
  const options =
    projectId !== null && !items.some((project) => project.id === projectId)
      ? [{ id: projectId, title: projects.projectTitle(projectId) ?? projectId }, ...items]
      : items;
  const query = projects.search.trim();
  const status =
    projects.status === 'loading'
      ? t('hotkeys.scope.loading')
      : projects.status === 'success' && total === 0
        ? query
          ? t('hotkeys.scope.noMatches', { query })
          : t('hotkeys.scope.none')
        : projects.status === 'success' && total > items.length
          ? t('hotkeys.scope.more', { shown: items.length, total })
          : '';
  const showSearch = query !== '' || projects.status !== 'success' || total > 0;

  return (
    <div data-slot="ras-hotkey-scope" data-state={projects.status}>
      <div data-slot="ras-hotkey-scope-field">
        <label htmlFor={selectId}>{t('hotkeys.scope.label')}</label>
        <select
          id={selectId}
          value={projectId ?? ''}
          aria-describedby={status ? statusId : undefined}
          onChange={(event) => onProjectChange(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('hotkeys.scope.account')}</option>
          {options.map((project) => (
            <option key={project.id} value={project.id}>
              {project.title}
            </option>
          ))}
        </select>
      </div>
      {showSearch ? (
        <div data-slot="ras-hotkey-scope-search">
          <label htmlFor={searchId}>{t('hotkeys.scope.search')}</label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            aria-controls={selectId}
            value={projects.search}
            onChange={(event) => projects.setSearch(event.target.value)}
          />
        </div>
      ) : null}
      {/* A polite live region without the status role, so the editor's own status line stays the one `status`. */}
      <p id={statusId} aria-live="polite" data-slot="ras-hotkey-scope-status">
        {status}
      </p>
      {projects.status === 'error' ? (
        <p role="alert" data-slot="ras-hotkey-scope-error">
          {t('hotkeys.scope.failed')}{' '}
          <button type="button" data-slot="ras-button" data-variant="secondary" onClick={projects.retry}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
