import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The built CLI: `npm test` builds dist/ first; run `npx tsc -p tsconfig.json` before running one file alone. */
// Jest runs from the repository root; the suite is ESM, so there is no __dirname.
export const CLI = join(process.cwd(), 'dist/src/cli.js');
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fails fast with the fix when dist/ was not built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.json)`);
}

/** Runs `noxh …` as an operator would; a non-zero exit is a result, not a throw. */
export function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return run('node', [CLI, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => {
      // execFile's error carries the exit code and both outputs.
      const { code, stdout, stderr } = error as CliResult;
      return { code, stdout, stderr };
    },
  );
}
