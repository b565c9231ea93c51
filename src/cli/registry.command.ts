import { Command, CommandRunner } from 'nest-commander';
import { LandRegistryImportCommand, RegistryImportCommand } from './registry-import.command';
import { LandRegistryListCommand, LandRegistryUseCommand, RegistryListCommand, RegistryUseCommand } from './registry-snapshot.commands';

@Command({ name: 'registry', description: 'The population registry extract', subCommands: [RegistryImportCommand, RegistryUseCommand, RegistryListCommand] })
export class RegistryCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}

@Command({ name: 'land-registry', description: 'The land registry extract', subCommands: [LandRegistryImportCommand, LandRegistryUseCommand, LandRegistryListCommand] })
export class LandRegistryCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
