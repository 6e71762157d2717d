// ESLint for the whole tree (`npm run lint`): typescript-eslint's recommended rules for the server, the console and
// the tests, React's hook rules for the console, and nothing about layout (Prettier owns formatting).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'admin/dist/**', '.data/**', 'tests/artifacts/**', 'schema/**', 'seeds/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except the `_`-prefixed ones that keep a signature readable.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and tools (benchmarks, load) read GraphQL answers whose shape the assertions themselves check.
    files: ['tests/**/*.ts', 'server/tools/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
);
