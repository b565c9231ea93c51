import type { CommandBus } from '@nestjs/cqrs';
import type { Script } from './demo-province';

/** How many files are written side by side: enough to keep PostgreSQL busy on 2 cores, few enough not to thrash. */
const PARALLEL = 16;

export interface WriteFailure { command: string; error: string }

/**
 * Runs a phase's scripts through the command bus, PARALLEL at a time, each script's commands in
 * order. A refused command stops its script and is reported, not swallowed: the truth would no
 * longer match what was written.
 */
export async function runScripts(bus: CommandBus, scripts: readonly Script[], onCommand: () => void): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < scripts.length) {
      const script = scripts[next++];
      for (const command of script.commands) {
        try {
          await bus.execute(command);
          onCommand();
        } catch (error) {
          failures.push({ command: command.constructor.name, error: error instanceof Error ? error.message : String(error) });
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return failures;
}
