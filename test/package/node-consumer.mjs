// Runs the package's React-free entries in plain Node, as a host's backend would (the package
// test runs it with without-test-tools.mjs, so neither React nor Vitest can be imported).
import { toAccountError } from 'react-account-settings/adapters';
import { createMemoryAdapter } from 'react-account-settings/adapters/memory';
import { readImageHeader, validateAvatarFile } from 'react-account-settings/image';
import { labelStudioRules } from 'react-account-settings/label-studio';
import { makePng } from 'react-account-settings/testing/images';

const adapter = createMemoryAdapter();
const user = await adapter.updateProfile({ firstName: ' Grace ' });
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x04, 0xb1, 0, 0, 0, 10,
]);
const built = makePng(64, 48, { byteLength: 4096 });
console.log(
  JSON.stringify({
    firstName: user.firstName,
    header: readImageHeader(png),
    built: { bytes: built.length, header: readImageHeader(built) },
    verdict: (({ ok, code, message }) => ({ ok, code, message }))(
      validateAvatarFile({ size: png.length, bytes: png }, labelStudioRules.avatar),
    ),
    error: (({ code, isRetryable }) => ({ code, retryable: isRetryable }))(
      toAccountError(new TypeError('fetch failed')),
    ),
  }),
);
