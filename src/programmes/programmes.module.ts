import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SetTargetHandler } from './commands/set-target/set-target.handler';
import { SetTargetHttpController } from './commands/set-target/set-target.http.controller';

/** Provinces' social-housing programmes: the targets progress is measured against. */
@Module({
  imports: [CqrsModule],
  controllers: [SetTargetHttpController],
  providers: [SetTargetHandler],
})
export class ProgrammesModule {}
