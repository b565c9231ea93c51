#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { InvalidTokenRequest } from './auth/token.service';
import { ConfigError } from './config/app-config';
import { CliModule } from './cli/cli.module';
import { vietnameseHelp, vietnameseUsageError } from './cli/commander-vi';
import { boundHeapGrowth } from './shared/heap-growth';

boundHeapGrowth();

/** `noxh <command>`: the CLI of API.md. A usage or config error prints one line and exits 1. */
CommandFactory.run(CliModule, {
  logger: ['error'],
  helpConfiguration: vietnameseHelp,
  outputConfiguration: { outputError: (message, write) => write(`${vietnameseUsageError(message)}\n`) },
  errorHandler: (error) => {
    // Commander reports --help and --version as errors too; they are not.
    const { code } = error as Error & { code?: string };
    if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') process.exit(0);
    process.stderr.write(`noxh: ${vietnameseUsageError(error.message)}\n`);
    process.exit(1);
  },
  serviceErrorHandler: (error) => {
    const message = error instanceof ConfigError ? `${error.vi} (${error.message})` : error instanceof InvalidTokenRequest ? error.message : (error.stack ?? error.message);
    process.stderr.write(`noxh: ${message}\n`);
    process.exit(1);
  },
}).catch((error: unknown) => {
  process.stderr.write(`noxh: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
