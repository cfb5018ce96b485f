// A host's backend uses the React-free entries: the adapter contract, the pure hotkey and image
// functions and both adapters. It type-checks with Node's types alone.
import {
  ACCOUNT_ERROR_CODES,
  AccountError,
  isAccountError,
  toAccountError,
  type AccountAdapter,
  type AccountErrorCode,
  type HotkeyOverrides,
  type User,
} from 'react-account-settings/adapters';
import { createLabelStudioAdapter } from 'react-account-settings/adapters/label-studio';
import { createMemoryAdapter, withFaults, type MemoryAdapterStorage } from 'react-account-settings/adapters/memory';
import { comboFromKeyboardEvent, parseCombo, validateHotkeyOverrides } from 'react-account-settings/hotkeys';
import { readImageHeader, validateAvatarFile } from 'react-account-settings/image';
import { labelStudioRules } from 'react-account-settings/label-studio';

// @ts-expect-error No React types within reach, so an entry whose types import React fails above.
import type { ReactNode } from 'react';

export type NoReactTypes = ReactNode;
// @ts-expect-error No DOM lib here, so a React-free entry whose types need it fails above.
export const noDomLib: unknown = document;

const store = new Map<string, string>();
const storage: MemoryAdapterStorage = {
  getItem: (key) => store.get(key) ?? null,
  setItem: (key, value) => void store.set(key, value),
  removeItem: (key) => void store.delete(key),
};

export const adapters: AccountAdapter[] = [
  createMemoryAdapter({ storage }),
  createLabelStudioAdapter({ baseUrl: 'https://label.example.com', auth: { type: 'token', token: 'x' } }),
  withFaults(createLabelStudioAdapter({ baseUrl: 'https://label.example.com' }), { fail: { saveHotkeys: 'conflict' } }),
];

/** What the host's API answers for any failure of an adapter call. */
export function toResponseBody(error: unknown): { code: AccountErrorCode; message: string } {
  const failure = toAccountError(error);
  return { code: failure.code, message: failure.message };
}

export async function uploadAvatar(file: Blob, signal: AbortSignal): Promise<User> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const verdict = validateAvatarFile({ size: file.size, bytes }, labelStudioRules.avatar);
  if (!verdict.ok) throw new AccountError('validation', verdict.message);
  const upload = adapters[0]?.uploadAvatar;
  if (!upload) throw new AccountError('not_found');
  return upload(file, { signal });
}

export function saveHotkeys(body: unknown): HotkeyOverrides {
  const result = validateHotkeyOverrides(body, labelStudioRules.hotkeys);
  if (!result.ok) throw new AccountError('validation', undefined, { fieldErrors: result.fieldErrors });
  return result.overrides;
}

export const checks = {
  codes: ACCOUNT_ERROR_CODES.length,
  isError: isAccountError(new AccountError('network')),
  parsed: parseCombo('shift+ctrl+z'),
  recorded: comboFromKeyboardEvent({
    key: 'k',
    code: 'KeyK',
    ctrlKey: true,
    shiftKey: false,
    altKey: false,
    metaKey: false,
  }),
  header: readImageHeader(new Uint8Array(0)),
};
