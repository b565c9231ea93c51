import { CommandRunner } from 'nest-commander';

/**
 * A command that only groups subcommands (`noxh registry`, `noxh keys`, …). Run alone it has
 * nothing to do: that is a usage error, so its help goes to stderr and the exit code is 1, as for
 * a bare `noxh` (a script that forgot the subcommand must not read success). `noxh registry
 * --help` still prints it to stdout and exits 0 (commander answers that before any run).
 */
export abstract class CommandGroup extends CommandRunner {
  run(passed: string[]): Promise<void> {
    // nest-commander gives every command an action, so commander passes a mistyped subcommand
    // here as an argument instead of refusing it as it does at the top level.
    if (passed.length > 0) this.command.error(`lỗi: không có lệnh '${this.command.name()} ${passed[0]}'`);
    this.command.outputHelp({ error: true });
    process.exitCode = 1;
    return Promise.resolve();
  }
}
