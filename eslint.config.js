import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.svelte-kit/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // The app is served at the site root (no base path), so plain hrefs are already resolved.
    rules: { 'svelte/no-navigation-without-resolve': 'off' },
  },
  {
    // Node runs these straight from source by stripping the types, which needs erasable syntax only and type-only
    // imports marked as such (the tsconfig cannot demand it: its program reaches the backend's sources too).
    files: ['seed/**/*.ts', 'ops/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/parameter-properties': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Node cannot strip an enum: use a const object.' },
        { selector: 'TSModuleDeclaration', message: 'Node cannot strip a namespace.' },
      ],
    },
  },
  {
    // Test helpers deal in loosely typed JSON responses.
    files: ['backend/test/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
