import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';
import { WhoAmIHttpController } from './whoami/whoami.http.controller';

/** Every route needs a valid token unless marked @Public(); the secret is provided by the root module. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [WhoAmIHttpController],
  providers: [TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
