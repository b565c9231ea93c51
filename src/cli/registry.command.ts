import { Command, CommandRunner } from 'nest-commander';
import { LandRegistryImportCommand, RegistryImportCommand } from './registry-import.command';
import { LandRegistryListCommand, LandRegistryUseCommand, RegistryListCommand, RegistryUseCommand } from './registry-snapshot.commands';

@Command({ name: 'registry', description: 'Bản trích lục cơ sở dữ liệu dân cư (the population registry extract)', subCommands: [RegistryImportCommand, RegistryUseCommand, RegistryListCommand] })
export class RegistryCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}

@Command({ name: 'land-registry', description: 'Bản trích lục cơ sở dữ liệu đất đai (the land registry extract)', subCommands: [LandRegistryImportCommand, LandRegistryUseCommand, LandRegistryListCommand] })
export class LandRegistryCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
