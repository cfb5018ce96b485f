import { validateHotkeyOverrides } from '../../../core/hotkeys/validate-overrides';
import type { AccountRules } from '../../../core/rules';
import { AccountError, throwIfAborted } from '../../errors';
import { hotkeySettingsProblem } from '../../../core/hotkeys/validate-settings';
import type {
  HotkeyOverrides,
  HotkeyRequestOptions,
  HotkeySettings,
  RequestOptions,
  ListProjectsOptions,
  Page,
  ProjectSummary,
} from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, type GroupHandlers } from './shared';

/** The project an option names, checked: its id, or `undefined` for the account map. */
function projectOf(store: MemoryStore, projectId: string | undefined): string | undefined {
  if (projectId === undefined) return undefined;
  if (!store.read().projects.some((project) => project.id === projectId)) {
    throw new AccountError('not_found', `There is no project with id ${projectId}.`, { status: 404 });
  }
  return projectId;
}

/**
 * The hotkey methods: read the overrides, replace them after the same checks a server makes; with
 * `projectId`, a project's override kept apart from the account map (`{}` removes it).
 */
export function hotkeyHandlers(store: MemoryStore, rules: AccountRules['hotkeys']): GroupHandlers<'hotkeys'> {
  return {
    async getHotkeys({ signal, projectId }: HotkeyRequestOptions = {}): Promise<HotkeyOverrides> {
      await begin(signal);
      const project = projectOf(store, projectId);
      const state = store.read();
      return clone(project === undefined ? state.hotkeys : (state.projectHotkeys[project] ?? {}));
    },

    async saveHotkeys(overrides, { signal, projectId }: HotkeyRequestOptions = {}): Promise<HotkeyOverrides> {
      await begin(signal);
      const project = projectOf(store, projectId);
      const result = validateHotkeyOverrides(overrides, rules);
      if (!result.ok) {
        throw new AccountError('validation', 'Invalid hotkeys configuration.', {
          status: 400,
          fieldErrors: result.fieldErrors,
        });
      }
      throwIfAborted(signal);
      const state = store.read();
      const saved = clone(result.overrides);
      if (project === undefined) {
        store.commit({ ...state, hotkeys: saved });
        return clone(store.read().hotkeys);
      }
      const { [project]: _previous, ...others } = state.projectHotkeys;
      store.commit({
        ...state,
        projectHotkeys: Object.keys(saved).length === 0 ? others : { ...others, [project]: saved },
      });
      return clone(store.read().projectHotkeys[project] ?? {});
    },
  };
}

/** The hotkey settings methods: kept beside the account map, which they never touch. */
export function hotkeySettingsHandlers(store: MemoryStore): GroupHandlers<'hotkeySettings'> {
  return {
    async getHotkeySettings({ signal }: RequestOptions = {}): Promise<HotkeySettings> {
      await begin(signal);
      return clone(store.read().hotkeySettings ?? {});
    },

    async saveHotkeySettings(settings, { signal }: RequestOptions = {}): Promise<HotkeySettings> {
      await begin(signal);
      const problem = hotkeySettingsProblem(settings);
      if (problem) {
        throw new AccountError('validation', problem, { status: 400, fieldErrors: { hotkey_settings: [problem] } });
      }
      throwIfAborted(signal);
      store.commit({ ...store.read(), hotkeySettings: clone(settings) });
      return clone(store.read().hotkeySettings ?? {});
    },
  };
}

/** The project list: titles searched ignoring case, in the seed's order, paged (30 by default). */
export function projectHandlers(store: MemoryStore): GroupHandlers<'projects'> {
  return {
    async listProjects({ signal, search, page = 1, pageSize = 30 }: ListProjectsOptions = {}): Promise<
      Page<ProjectSummary>
    > {
      await begin(signal);
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
        throw new AccountError(
          'validation',
          `Page ${page} with ${pageSize} per page can't be listed. Use page 1 or later and 1 or more per page.`,
          { status: 400 },
        );
      }
      const term = (search ?? '').trim().toLowerCase();
      const matches = store.read().projects.filter((project) => project.title.toLowerCase().includes(term));
      const start = (page - 1) * pageSize;
      return { items: clone(matches.slice(start, start + pageSize)), total: matches.length };
    },
  };
}
