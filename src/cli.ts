#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { vietnameseHelp, vietnameseUsageError } from './cli/commander-vi';
import { failureLine } from './cli/failure-line';
import { boundHeapGrowth } from './shared/heap-growth';

boundHeapGrowth();

/** Every failure of a command ends here: one Vietnamese line on stderr, exit 1, never a stack trace. */
function reportFailure(error: unknown): never {
  process.stderr.write(`noxh: ${failureLine(error)}\n`);
  process.exit(1);
}

/** `noxh <command>`: the CLI of API.md. A usage, config or command error prints one line and exits 1. */
CommandFactory.run(CliModule, {
  logger: ['error'],
  helpConfiguration: vietnameseHelp,
  outputConfiguration: { outputError: (message, write) => write(`${vietnameseUsageError(message)}\n`) },
  errorHandler: (error) => {
    // commander has already written what it had to say (the help, or its usage error through
    // outputError above); writing its message again would print the line twice. Its exit code
    // tells `noxh --help` (0) from a bare `noxh`, whose help is an error (1).
    const { exitCode } = error as Error & { exitCode?: number };
    process.exit(typeof exitCode === 'number' ? exitCode : 1);
  },
  serviceErrorHandler: reportFailure,
}).catch(reportFailure);
