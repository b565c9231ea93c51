import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console's build (`npm run build:console`, run by `npm ci` through `prepare`): everything
 * bundled into dist/console, which the service serves at `/`. No React plugin: Vite's own
 * transform handles TSX with the automatic runtime. The same file configures its Vitest tests.
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 800, reportCompressedSize: false },
  test: { root: here, environment: 'jsdom', include: ['**/*.test.{ts,tsx}'], css: false },
});
