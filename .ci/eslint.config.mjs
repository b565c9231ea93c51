// ESLint flat config: `npm run lint` (eslint --config .ci/eslint.config.mjs). Not part of `npm test` yet.
// typescript-eslint's strict rules with type information, from the project's tsconfig.json.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// This file lives in .ci/; paths and the tsconfig are the repository root's.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export default tseslint.config(
  {
    // Relative to `basePath`, the repository root.
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '.ci/**', 'test/support/summary-reporter.js', 'test/jest.config.js'],
  },
  {
    basePath: root,
    files: ['src/**/*.ts', 'projections/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: root,
      },
    },
  },
);
