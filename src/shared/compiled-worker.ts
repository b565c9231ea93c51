import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The compiled worker script `name` beside a module (its `__filename`), when there is one. Under
 * ts-jest (ES modules, no `__filename`) there is none: the tests that load the sources do the
 * work in their own thread, and tests of the built service drive the worker.
 */
export function compiledWorker(moduleFile: string | undefined, name: string): string | undefined {
  if (moduleFile === undefined || !moduleFile.endsWith('.js')) return undefined;
  const file = join(dirname(moduleFile), name);
  return existsSync(file) ? file : undefined;
}
