// The timing bench page (production React): mount time of AccountSettings against the same DOM as
// static HTML, time per keystroke in a 500-action HotkeyEditor's search, and readImageHeader
// against a full decode. bench/browser.mjs builds this page and calls `window.bench.*`.
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AccountSettings } from '../../src/components/account-settings';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { IMAGE_HEADER_MAX_BYTES, readImageHeader } from '../../src/core/image';
import { AccountProvider } from '../../src/provider';
import '../../src/styles.css';
import { definitionsFor, manyDefinitions, manySections, sectionsFor } from './fixtures';
import { expose, find, nextTask, typeValue, until, watchDom } from './harness';

const ROW = '[data-slot="ras-hotkey-row"]';
/** The shortcuts search (the editor may also show a project search for its scope). */
const SEARCH = '[data-slot="ras-hotkey-editor-search"] input[type="search"]';

/** A fresh container in the document, and a React root in it. */
function freshRoot(): { container: HTMLDivElement; root: Root } {
  const container = document.createElement('div');
  document.body.append(container);
  return { container, root: createRoot(container) };
}

/** Whether AccountSettings shows its loaded profile: the user's first name is in its field, nothing is busy. */
function profileShown(container: HTMLElement): boolean {
  const firstName = container.querySelector<HTMLInputElement>('input[autocomplete="given-name"]');
  return !!firstName && firstName.value !== '' && !container.querySelector('[aria-busy="true"]');
}

/**
 * Mounts AccountSettings with a fresh memory adapter and resolves with the time from
 * `root.render` until the page showed its final DOM, laid out. "Final" is the element count a
 * fully settled mount has (`expectedElements`); without it, the mount waits to settle and reports
 * that count instead.
 */
async function mountAccountSettings(expectedElements?: number) {
  const { container, root } = freshRoot();
  const adapter = createMemoryAdapter();
  let readyAt: number | undefined;
  const check = () => {
    if (readyAt !== undefined || expectedElements === undefined) return;
    if (container.getElementsByTagName('*').length !== expectedElements || !profileShown(container)) return;
    void container.offsetHeight; // style and layout, as the first paint would need
    readyAt = performance.now();
  };
  const watcher = watchDom(container, check);
  const start = performance.now();
  root.render(
    <AccountProvider adapter={adapter} locale="en-US" platform="other">
      <AccountSettings />
    </AccountProvider>,
  );
  const lastChange = await watcher.settled(() => {
    check();
    return profileShown(container) && (expectedElements === undefined || readyAt !== undefined);
  });
  watcher.disconnect();
  const result = {
    ms: readyAt === undefined ? Number.NaN : readyAt - start,
    changedAfterReady: readyAt !== undefined && lastChange > readyAt,
    elements: container.getElementsByTagName('*').length,
    html: container.innerHTML,
  };
  root.unmount();
  container.remove();
  return result;
}

/** The mount benchmark: `warmups` settled mounts (they fix the final DOM), then `runs` timed ones. */
async function mount(runs: number, warmups: number) {
  let settled = await mountAccountSettings();
  for (let i = 1; i < warmups; i++) settled = await mountAccountSettings();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await mountAccountSettings(settled.elements);
    if (run.changedAfterReady) throw new Error('the DOM changed after the mount looked finished');
    ms.push(run.ms);
    await nextTask();
  }
  return { ms, html: settled.html, elements: settled.elements };
}

/** The same DOM as static HTML: time to set `html` as a fresh container's innerHTML, laid out. */
async function staticHtml(html: string, runs: number, warmups: number) {
  const ms: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const container = document.createElement('div');
    document.body.append(container);
    const start = performance.now();
    container.innerHTML = html;
    void container.offsetHeight;
    const elapsed = performance.now() - start;
    if (i >= warmups) ms.push(elapsed);
    container.remove();
    await nextTask();
  }
  return { ms };
}

/**
 * Types `query` into the search of a 500-action HotkeyEditor one character at a time, `passes`
 * times after one unmeasured pass (which records how many rows each prefix shows). Each keystroke
 * is timed from the input event until the list shows the right rows, laid out.
 */
async function searchKeystrokes(query: string, passes: number) {
  const { container, root } = freshRoot();
  const watcher = watchDom(container);
  root.render(
    <AccountProvider adapter={createMemoryAdapter()} locale="en-US" platform="other">
      <HotkeyEditor definitions={manyDefinitions} sections={manySections} />
    </AccountProvider>,
  );
  await watcher.settled(() => container.querySelectorAll(ROW).length === manyDefinitions.length);
  const search = find<HTMLInputElement>(container, SEARCH);
  const rowCount = () => container.querySelectorAll(ROW).length;
  const expectedRows: number[] = [];
  const ms: number[] = [];
  for (let pass = 0; pass <= passes; pass++) {
    typeValue(search, '');
    await watcher.settled(() => rowCount() === manyDefinitions.length, { quietMs: 50 });
    void container.offsetHeight; // lay out the full list now, not in the first timed keystroke
    for (let length = 1; length <= query.length; length++) {
      const start = performance.now();
      typeValue(search, query.slice(0, length));
      if (pass === 0) {
        await watcher.settled(() => true, { quietMs: 100 });
        expectedRows.push(rowCount());
        continue;
      }
      await until(() => rowCount() === expectedRows[length - 1]);
      void container.offsetHeight;
      ms.push(performance.now() - start);
      await nextTask();
    }
  }
  watcher.disconnect();
  root.unmount();
  container.remove();
  return { ms, expectedRows };
}

/** The rows the editor shows (the search hides the others). */
const SHOWN_ROW = `${ROW}:not([hidden])`;

/**
 * A HotkeyEditor with `count` actions, `runs` times after one unmeasured run: the time from
 * `root.render` until every row is in the DOM and laid out (mount), from typing `query` into the
 * search until the list shows only its matches, laid out (filter), and from clearing the search
 * until every row shows again, laid out (clear); and the element count of the mounted editor.
 */
async function editorTimings(count: number, query: string, runs: number) {
  const definitions = definitionsFor(count);
  const sections = sectionsFor(count);
  const mountMs: number[] = [];
  const filterMs: number[] = [];
  const clearMs: number[] = [];
  let elements = 0;
  let matches = -1;
  for (let run = 0; run <= runs; run++) {
    const { container, root } = freshRoot();
    const rows = () => container.querySelectorAll(SHOWN_ROW).length;
    let start = performance.now();
    root.render(
      <AccountProvider adapter={createMemoryAdapter()} locale="en-US" platform="other">
        <HotkeyEditor definitions={definitions} sections={sections} />
      </AccountProvider>,
    );
    await until(() => container.querySelectorAll(ROW).length === count);
    void container.offsetHeight;
    const mounted = performance.now() - start;
    const watcher = watchDom(container);
    await watcher.settled(() => true, { quietMs: 100 });
    elements = container.getElementsByTagName('*').length;
    const search = find<HTMLInputElement>(container, SEARCH);

    start = performance.now();
    typeValue(search, query);
    if (matches < 0) {
      await watcher.settled(() => rows() < count, { quietMs: 100 });
      matches = rows();
    }
    await until(() => rows() === matches);
    void container.offsetHeight;
    const filtered = performance.now() - start;
    await watcher.settled(() => true, { quietMs: 50 });

    start = performance.now();
    typeValue(search, '');
    await until(() => rows() === count);
    void container.offsetHeight;
    const cleared = performance.now() - start;

    watcher.disconnect();
    root.unmount();
    container.remove();
    if (run > 0) {
      mountMs.push(mounted);
      filterMs.push(filtered);
      clearMs.push(cleared);
    }
    await nextTask();
  }
  return { mountMs, filterMs, clearMs, elements, matches };
}

/** Fills a canvas with noise (which compresses badly) and encodes it. */
async function noiseImage(type: 'image/jpeg' | 'image/png', width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const pixels = context.createImageData(width, height);
  let seed = 0x9e3779b9;
  for (let i = 0; i < pixels.data.length; i += 4) {
    // xorshift32: fast, repeatable noise
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    pixels.data[i] = seed & 0xff;
    pixels.data[i + 1] = (seed >>> 8) & 0xff;
    pixels.data[i + 2] = (seed >>> 16) & 0xff;
    pixels.data[i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`cannot encode ${type}`))), type, 0.9),
  );
}

/** An image of `type` whose file is within 3% of `targetBytes`, found by scaling its sides. */
async function imageOfSize(type: 'image/jpeg' | 'image/png', targetBytes: number) {
  let side = 512;
  for (let attempt = 0; attempt < 8; attempt++) {
    const blob = await noiseImage(type, side, side);
    if (Math.abs(blob.size - targetBytes) <= targetBytes * 0.03) return { blob, width: side, height: side };
    side = Math.max(16, Math.round(side * Math.sqrt(targetBytes / blob.size)));
  }
  throw new Error(`could not make a ${type} of about ${targetBytes} bytes`);
}

/** What the library does with a picked file: read at most 64 KiB of it and parse the header. */
async function readHeader(file: Blob) {
  const head = new Uint8Array(await file.slice(0, IMAGE_HEADER_MAX_BYTES).arrayBuffer());
  return readImageHeader(head);
}

/**
 * readImageHeader (64 KiB read + parse) against createImageBitmap (full decode) of the same
 * ~1 MB file, alternating, `runs` times each after `warmups`.
 */
async function imageHeader(type: 'image/jpeg' | 'image/png', targetBytes: number, runs: number, warmups: number) {
  const { blob, width, height } = await imageOfSize(type, targetBytes);
  const headerMs: number[] = [];
  const decodeMs: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    let start = performance.now();
    const header = await readHeader(blob);
    const headerElapsed = performance.now() - start;
    if (!header.ok || header.width !== width || header.height !== height) {
      throw new Error(`readImageHeader read ${JSON.stringify(header)} from a ${width} × ${height} ${type}`);
    }
    start = performance.now();
    const bitmap = await createImageBitmap(blob);
    const decodeElapsed = performance.now() - start;
    if (bitmap.width !== width || bitmap.height !== height) throw new Error('createImageBitmap: wrong size');
    bitmap.close();
    if (i >= warmups) {
      headerMs.push(headerElapsed);
      decodeMs.push(decodeElapsed);
    }
    await nextTask();
  }
  return { bytes: blob.size, width, height, headerMs, decodeMs };
}

const api = { mount, staticHtml, searchKeystrokes, editorTimings, imageHeader };

/** What this page offers Playwright as `window.bench`. */
export type TimingBench = typeof api;

expose(api);
