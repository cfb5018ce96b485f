import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'node_modules/',
      'test/package/node_modules/',
      'test/readme/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  ...storybook.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Layers: core/ is pure TypeScript, usable in Node and without React.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ must not import React.' },
          ],
        },
      ],
    },
  },
  {
    // Layers: only the Label Studio adapter knows Label Studio's JSON; components reach adapters through hooks.
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/adapters/*/**',
                '**/adapters/memory',
                '**/adapters/label-studio',
                '**/label-studio/adapter',
                '**/label-studio/adapter/**',
              ],
              message: 'Components call hooks, not adapters.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS files exist to check that CommonJS hosts can require() the package.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**', 'test/summary-reporter.ts', 'test/package/**'],
    rules: { 'no-console': 'off' },
  },
  // The consumer apps' own installs and builds, if someone runs them in place.
  { ignores: ['test/consumers/*/{node_modules,.next,dist}/'] },
);
