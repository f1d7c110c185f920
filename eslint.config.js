// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, nothing
// about layout (that is Prettier's job, and none of these presets has layout rules).
// Not type-aware: typescript-eslint's type-checked presets took over a minute of CPU here, and
// `astro check` (tsc) already checks the types.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // ESLint does not read .gitignore: the same build output and scratch folders, and test data.
  { ignores: ['dist/', '.astro/', 'scratch/', 'test-results/', 'tests/bench/results/', 'tests/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    rules: {
      // Narrowed, not off: a leading underscore marks a name kept on purpose (a parameter that a
      // signature needs, a field dropped by destructuring), as TypeScript's own unused checks allow.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The plain-JavaScript config files run in Node (TypeScript files get their globals from tsconfig).
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
