import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegisterProjectHandler } from './commands/register-project/register-project.handler';
import { RegisterProjectHttpController } from './commands/register-project/register-project.http.controller';

/** Projects, units and who holds them: registration, release, allocation, handover, transfer. */
@Module({
  imports: [CqrsModule],
  controllers: [RegisterProjectHttpController],
  providers: [RegisterProjectHandler],
})
export class AllocationModule {}
