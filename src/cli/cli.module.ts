import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { JWT_SECRET } from '../auth/auth.constants';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { TokenService } from '../auth/token.service';
import { loadConfig } from '../config/app-config';
import { TokenCommand } from './token.command';

/** The `noxh` commands. Only what each command needs is wired: `token` never touches the database. */
@Module({
  imports: [JwtModule.register({})],
  providers: [
    { provide: JWT_SECRET, useFactory: () => { const config = loadConfig(); return resolveJwtSecret(config.jwtSecret, config.dataDir); } },
    TokenService,
    TokenCommand,
  ],
})
export class CliModule {}
