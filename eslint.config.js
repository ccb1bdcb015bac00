import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'resources/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.node },
      // Type information for the promise rules: every TypeScript file belongs to one of these two projects.
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits is an error nobody sees, and an async handler where a void one is expected is a hang nobody sees.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' },
      ],
    },
  },
  {
    // Tests wait for an event or a condition, never for an amount of time: a sleep is either too
    // short on a busy machine or wasted on a fast one. Where a timer is the thing under test (e.g. a
    // page script that plays a slow device), disable this on that line and say why.
    files: ['tests/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' },
        {
          selector: "CallExpression[callee.name='setTimeout'], CallExpression[callee.property.name='setTimeout']",
          message: 'No sleeps in tests: wait for an event or a condition (expect.poll, locator waits, an acknowledgement).',
        },
        {
          selector: "MemberExpression[property.name='waitForTimeout']",
          message: 'No sleeps in tests: wait for an event or a condition (expect.poll, locator waits, an acknowledgement).',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer has no Electron: use the bridge.' }],
          patterns: [{ group: ['node:*'], message: 'The renderer has no Node: use the bridge.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/*', '**/renderer/*', '**/preload/*', '**/server/*', 'electron', 'node:*'],
              message: 'src/shared holds contracts only and imports nothing from other folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
