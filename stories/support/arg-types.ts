import type { ArgTypes } from '@storybook/react-vite';
import { createDefaultSeed } from '../../src/adapters/memory';

const projects = createDefaultSeed().projects;

/**
 * The "Hotkeys for" scope of `HotkeyEditor` as a select of the memory adapter's projects, with
 * the account defaults as `null` (react-docgen sees `string | null`, which has no options).
 */
export const projectScopeArgTypes: Partial<ArgTypes> = Object.fromEntries(
  ['projectId', 'defaultProjectId'].map((name) => [
    name,
    {
      control: {
        type: 'select',
        labels: { account: 'Account defaults', ...Object.fromEntries(projects.map(({ id, title }) => [id, title])) },
      },
      options: ['account', ...projects.map(({ id }) => id)],
      mapping: { account: null },
    },
  ]),
);
