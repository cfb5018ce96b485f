// A CommonJS host (Node >= 20.19, require(esm)) requires the React-free entries and prints
// what they return, for the package test to compare.
const { AccountError, isAccountError, toAccountError } = require('react-account-settings/adapters');
const { normalizeCombo, parseCombo } = require('react-account-settings/hotkeys');
const { readImageHeader } = require('react-account-settings/image');

// The first 24 bytes of a 1201 × 10 PNG: the signature and the IHDR chunk's size and type.
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x04, 0xb1, 0, 0, 0, 10,
]);
const failure = toAccountError(new TypeError('fetch failed'));

// Every other entry loads too; ./testing needs Vitest, which this app does not install.
const { exports: entries } = require('react-account-settings/package.json');
const loaded = Object.keys(entries)
  .filter((subpath) => !/\.(css|json)$/.test(subpath) && subpath !== './testing')
  .filter((subpath) => Object.keys(require(`react-account-settings${subpath.slice(1)}`)).length > 0);

console.log(
  JSON.stringify({
    combo: parseCombo('shift+ctrl+z'),
    normalized: normalizeCombo('Shift + Ctrl + Z'),
    header: readImageHeader(png),
    error: { code: failure.code, isAccountError: isAccountError(failure), retryable: failure.isRetryable },
    sameClass: failure instanceof AccountError,
    loaded,
  }),
);
