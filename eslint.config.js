import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          // Meta's atomic class names change with every deploy: never select by them.
          selector: "Literal[value=/\\.x[0-9a-z]{5,8}\\b/]",
          message: "Do not select by Meta's generated class names.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          // zod's classic API doubles the zod code in every bundle and builds each schema with its methods
          // bound one by one: slower popup, history page and worker start (README, "Dependencies").
          paths: ['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic'].map((name) => ({ name, message: "Import * as z from 'zod/mini'." })),
        },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
