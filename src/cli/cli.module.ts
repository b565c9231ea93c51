import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { JWT_SECRET } from '../auth/auth.constants';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { TokenService } from '../auth/token.service';
import { loadConfig } from '../config/app-config';
import { DemoCommand } from './demo.command';
import { EvidenceCommand, ExportEvidenceCommand, VerifyEvidenceCommand } from './evidence.command';
import { ExportFindingsCommand, FindingsCommand } from './findings.command';
import { ImportApplicationsCommand, ImportCommand, ImportTemplateCommand } from './import.command';
import { KeysCommand, RotateKeysCommand } from './keys.command';
import { LotteryCommand, LotterySeedCommand, LotteryVerifyCommand } from './lottery.command';
import { ProjectionsCommand, RebuildProjectionsCommand } from './projections.command';
import { LandRegistryCommand, RegistryCommand } from './registry.command';
import { LandRegistryImportCommand, RegistryImportCommand } from './registry-import.command';
import { LandRegistryListCommand, LandRegistryUseCommand, RegistryListCommand, RegistryUseCommand } from './registry-snapshot.commands';
import { PublicListCommand, PublicListVerifyCommand } from './public-list.command';
import { WitnessCommand, WitnessCosignCommand } from './witness.command';
import { TokenCommand } from './token.command';
import { VerifyCommand } from './verify.command';

/**
 * The `noxh` commands. Only what each command needs is wired: `token` never touches the database;
 * the others open it when they run (ledger-context.ts).
 */
@Module({
  imports: [JwtModule.register({})],
  providers: [
    { provide: JWT_SECRET, useFactory: () => { const config = loadConfig(); return resolveJwtSecret(config.jwtSecret, config.dataDir); } },
    TokenService,
    TokenCommand,
    DemoCommand,
    VerifyCommand,
    WitnessCommand,
    WitnessCosignCommand,
    EvidenceCommand,
    ExportEvidenceCommand,
    VerifyEvidenceCommand,
    KeysCommand,
    RotateKeysCommand,
    ImportCommand,
    ImportApplicationsCommand,
    ImportTemplateCommand,
    ProjectionsCommand,
    RebuildProjectionsCommand,
    FindingsCommand,
    ExportFindingsCommand,
    RegistryCommand,
    RegistryImportCommand,
    RegistryUseCommand,
    RegistryListCommand,
    LandRegistryCommand,
    LandRegistryImportCommand,
    LandRegistryUseCommand,
    LandRegistryListCommand,
    LotteryCommand,
    LotterySeedCommand,
    LotteryVerifyCommand,
    PublicListCommand,
    PublicListVerifyCommand,
  ],
})
export class CliModule {}
