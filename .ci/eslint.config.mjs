// ESLint flat config: `npm run lint` (eslint --config .ci/eslint.config.mjs), run by `npm test` after lint:deps.
// typescript-eslint's strict rules with type information; each file is checked against its nearest
// tsconfig.json (the root one, or src/console's for the browser console).
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
    files: ['src/**/*.ts', 'src/console/**/*.tsx', 'projections/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    rules: {
      // Counts, sizes and durations go into messages as they are; objects and undefined still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void x()` callbacks (jest hooks, event listeners, Fastify hooks) are the idiom there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Nest modules are decorated empty classes by design.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // A parameter an implementation does not need, or a loop variable only counted, is spelled `_x`;
      // `const { drop, ...kept } = x` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Nest's request DTOs and Swagger view classes are shapes (class-validator and @nestjs/swagger need
      // classes); handlers and the demo build them as plain objects, which is what Nest serialises anyway.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
);
