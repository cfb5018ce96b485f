// @vitest-environment node
// react-account-settings/use-hotkeys runs on every page of a host app, so what a host bundles from
// it must hold neither Label Studio's data nor the editor's and recorder's messages. Bundled from
// the built package (dist/) as a host's production build would; npm test builds dist/ first.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatHotkeyMessage } from '../../src/core/hotkeys/messages';
import { en } from '../../src/i18n/en';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { repoRoot } from '../support/pack-package';

const work = mkdtempSync(join(tmpdir(), 'ras-use-hotkeys-'));
let bundle = '';

beforeAll(async () => {
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(repoRoot, join(work, 'node_modules', 'react-account-settings'), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'host', type: 'module' }));
  writeFileSync(join(work, 'entry.js'), "export * from 'react-account-settings/use-hotkeys';\n");
  const result = (await build({
    configFile: false,
    envFile: false,
    root: work,
    mode: 'production',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      rolldownOptions: {
        input: join(work, 'entry.js'),
        external: [/^react($|\/)/, /^react-dom($|\/)/],
        preserveEntrySignatures: 'strict',
      },
    },
  })) as Rolldown.RolldownOutput;
  bundle = result.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The literal pieces of a message, between its `{placeholders}`, long enough to tell it apart. */
function pieces(message: string): string[] {
  return message.split(/\{[^}]*\}/).filter((piece) => piece.trim().length >= 12);
}

it('exports useHotkeys', () => {
  expect(bundle).toMatch(/export\s*\{[^}]*\buseHotkeys\b/);
});

it("holds none of Label Studio's default actions", () => {
  const found = labelStudioDefaultHotkeys
    .flatMap((definition) => [definition.label, definition.description ?? ''])
    .filter((text) => text.length >= 12 && bundle.includes(text));
  expect(found).toEqual([]);
});

it("holds none of the message catalogue's words", () => {
  const found = Object.values(en)
    .flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)))
    .flatMap(pieces)
    .filter((piece) => bundle.includes(piece));
  expect(found).toEqual([]);
});

it('holds none of the English hotkey problem messages', () => {
  const messages = [
    formatHotkeyMessage({ code: 'combo_unknown_key', values: { key: '§' } }),
    formatHotkeyMessage({ code: 'reserved_os', values: { combo: '§' } }),
    formatHotkeyMessage({ code: 'import_field_missing', values: { entry: 1, field: '§' } }),
  ];
  const found = messages
    .flatMap((message) => message.split('§'))
    .filter((piece) => piece.length >= 12 && bundle.includes(piece));
  expect(found).toEqual([]);
});
