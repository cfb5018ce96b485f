import { useRef, useState } from 'react';
import type { AccountAdapter, Page, ProjectSummary } from '../adapters/types';
import { useAdapter } from './use-adapter';
import { useResource, type ReadState } from './use-resource';

/** Options of `useHotkeyProjects`. */
export interface UseHotkeyProjectsOptions {
  /** The adapter to list projects through instead of the provider's. */
  adapter?: AccountAdapter;
  /** How many projects one search lists. @default 50 */
  pageSize?: number;
}

/** What `useHotkeyProjects` returns: the read of the first page for the search, and the search. */
export type UseHotkeyProjectsResult = ReadState<Page<ProjectSummary>> & {
  /** Whether the adapter can list projects (without `listProjects` there is no project scope to offer). */
  isAvailable: boolean;
  /** The search text. */
  search: string;
  /** Sets the search text; the list is read again for it. */
  setSearch: (search: string) => void;
  /** The title of a project seen in any list so far, or `undefined`. */
  projectTitle: (id: string) => string | undefined;
};

const EMPTY_PAGE: Page<ProjectSummary> = { items: [], total: 0 };

/**
 * The projects a user can give shortcuts of their own: the first page of `listProjects` for a
 * search, read again as the search changes (the older read aborted). Without `listProjects`
 * nothing is read and `isAvailable` is false.
 *
 * @example
 * const projects = useHotkeyProjects();
 * projects.setSearch('birds');
 * if (projects.status === 'success') projects.data.items.map((project) => project.title);
 */
export function useHotkeyProjects(options: UseHotkeyProjectsOptions = {}): UseHotkeyProjectsResult {
  const adapter = useAdapter(options.adapter);
  const pageSize = options.pageSize ?? 50;
  const [search, setSearch] = useState('');
  const isAvailable = typeof adapter.listProjects === 'function';
  const titles = useRef(new Map<string, string>());
  const read = useResource(
    async (signal) => {
      if (!adapter.listProjects) return EMPTY_PAGE;
      const page = await adapter.listProjects({ search: search.trim(), page: 1, pageSize, signal });
      for (const project of page.items) titles.current.set(project.id, project.title);
      return page;
    },
    [adapter, search, pageSize],
  );
  return {
    status: read.status,
    data: read.data,
    error: read.error,
    retry: read.retry,
    isAvailable,
    search,
    setSearch,
    projectTitle: (id) => titles.current.get(id),
  } as UseHotkeyProjectsResult;
}
