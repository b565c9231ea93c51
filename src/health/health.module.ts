import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ProjectionLag } from './projection-lag';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ProjectionLag],
})
export class HealthModule {}
