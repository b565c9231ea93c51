import { Command } from 'nest-commander';
import { LandRegistryImportCommand, RegistryImportCommand } from './registry-import.command';
import { LandRegistryListCommand, LandRegistryUseCommand, RegistryListCommand, RegistryUseCommand } from './registry-snapshot.commands';
import { CommandGroup } from './command-group';

@Command({ name: 'registry', description: 'Bản trích lục cơ sở dữ liệu dân cư (the population registry extract)', subCommands: [RegistryImportCommand, RegistryUseCommand, RegistryListCommand] })
export class RegistryCommand extends CommandGroup {}

@Command({ name: 'land-registry', description: 'Bản trích lục cơ sở dữ liệu đất đai (the land registry extract)', subCommands: [LandRegistryImportCommand, LandRegistryUseCommand, LandRegistryListCommand] })
export class LandRegistryCommand extends CommandGroup {}
