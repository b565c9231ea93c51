import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AllocateUnitHandler } from './commands/allocate-unit/allocate-unit.handler';
import { AllocateUnitHttpController } from './commands/allocate-unit/allocate-unit.http.controller';
import { HandOverUnitHandler } from './commands/hand-over-unit/hand-over-unit.handler';
import { HandOverUnitHttpController } from './commands/hand-over-unit/hand-over-unit.http.controller';
import { RegisterProjectHandler } from './commands/register-project/register-project.handler';
import { RegisterProjectHttpController } from './commands/register-project/register-project.http.controller';
import { ReleaseUnitsHandler } from './commands/release-units/release-units.handler';
import { ReleaseUnitsHttpController } from './commands/release-units/release-units.http.controller';
import { RevokeAllocationHandler } from './commands/revoke-allocation/revoke-allocation.handler';
import { RevokeAllocationHttpController } from './commands/revoke-allocation/revoke-allocation.http.controller';
import { TransferUnitHandler } from './commands/transfer-unit/transfer-unit.handler';
import { ProjectOverviewHandler } from './queries/project-overview/project-overview.handler';
import { ProjectOverviewHttpController } from './queries/project-overview/project-overview.http.controller';
import { TransferUnitHttpController } from './commands/transfer-unit/transfer-unit.http.controller';

/** Projects, units and who holds them: registration, release, allocation, handover, transfer, and the project's overview. */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterProjectHttpController,
    ReleaseUnitsHttpController,
    AllocateUnitHttpController,
    RevokeAllocationHttpController,
    HandOverUnitHttpController,
    TransferUnitHttpController,
    ProjectOverviewHttpController,
  ],
  providers: [
    RegisterProjectHandler,
    ReleaseUnitsHandler,
    AllocateUnitHandler,
    RevokeAllocationHandler,
    HandOverUnitHandler,
    TransferUnitHandler,
    ProjectOverviewHandler,
  ],
})
export class AllocationModule {}
