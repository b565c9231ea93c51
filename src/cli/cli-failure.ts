/**
 * A command's expected refusal, thrown where returning is awkward (deep in a helper, inside a
 * withLedger callback): cli.ts prints `messageVi` as one line and exits 1, like `fail()` does.
 */
export class CliFailure extends Error {
  constructor(readonly messageVi: string) {
    super(messageVi);
    this.name = 'CliFailure';
  }
}

/**
 * An option's value refused by its parser. commander prints an error with this code as its own
 * usage error ("option '--seed <s>' argument 'x' is invalid. …", made Vietnamese by commander-vi.ts)
 * and exits 1; any other error thrown from a parser escapes commander as a crash.
 */
export function invalidArgument(messageVi: string): Error {
  return Object.assign(new Error(messageVi), { code: 'commander.invalidArgument', exitCode: 1 });
}
