// The render-count bench page. It runs React's profiling build (production React plus <Profiler>
// timings; the plain production build never calls onRender): bench/browser.mjs mounts ProfileForm or
// a 500-action HotkeyEditor here, acts on it with real keyboard and mouse input, and reads the counts.
import { Profiler, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/profiling';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { ProfileForm } from '../../src/components/profile-form';
import { AccountProvider } from '../../src/provider';
import '../../src/styles.css';
import { manyDefinitions, manySections } from './fixtures';
import { expose, watchDom, type DomWatcher } from './harness';

/** What the mounted component has rendered since the last `resetCounts()`. */
const counts = { commits: 0, rowRenders: 0, rows: new Set<string>() };

let mounted: { container: HTMLDivElement; root: Root; watcher: DomWatcher } | undefined;

/** Mounts `children` in a provider with a fresh memory adapter and waits until `isReady` and quiet. */
async function mountUntil(children: ReactNode, isReady: (container: HTMLElement) => boolean): Promise<void> {
  unmount();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const watcher = watchDom(container);
  mounted = { container, root, watcher };
  root.render(
    <AccountProvider adapter={createMemoryAdapter()} locale="en-US" platform="other">
      <Profiler id="bench" onRender={() => counts.commits++}>
        {children}
      </Profiler>
    </AccountProvider>,
  );
  await watcher.settled(() => isReady(container));
  resetCounts();
}

/** ProfileForm, loaded: the user's first name is in its field. */
function mountProfileForm(): Promise<void> {
  return mountUntil(<ProfileForm />, (container) => {
    const firstName = container.querySelector<HTMLInputElement>('input[autocomplete="given-name"]');
    return !!firstName && firstName.value !== '';
  });
}

/** A 500-action HotkeyEditor, loaded, counting each row's renders. */
function mountHotkeyEditor(): Promise<void> {
  const onRowRender = (id: string) => {
    counts.rowRenders++;
    counts.rows.add(id);
  };
  return mountUntil(
    <HotkeyEditor definitions={manyDefinitions} sections={manySections} onRowRender={onRowRender} />,
    (container) => container.querySelectorAll('[data-slot="ras-hotkey-row"]').length === manyDefinitions.length,
  );
}

/** Starts counting afresh. */
function resetCounts(): void {
  counts.commits = 0;
  counts.rowRenders = 0;
  counts.rows.clear();
}

/** Waits until the mounted component's DOM has been quiet for a while (pending effects included). */
async function settle(): Promise<void> {
  if (!mounted) throw new Error('nothing is mounted');
  await mounted.watcher.settled(() => true, { quietMs: 200 });
}

/** The counts since the last reset, as plain data for Playwright. */
function readCounts() {
  return { commits: counts.commits, rowRenders: counts.rowRenders, rows: [...counts.rows] };
}

/** Unmounts whatever is mounted. */
function unmount(): void {
  if (!mounted) return;
  mounted.watcher.disconnect();
  mounted.root.unmount();
  mounted.container.remove();
  mounted = undefined;
}

const api = { mountProfileForm, mountHotkeyEditor, resetCounts, settle, readCounts, unmount };

/** What this page offers Playwright as `window.bench`. */
export type RendersBench = typeof api;

expose(api);
