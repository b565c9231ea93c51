import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '../../../database/database.module';
import { CheckPopulationCommand } from './check-population.command';
import type { CheckTallyResponse } from './check-population.request.dto';
import { dueApplications } from './due-applications';
import { PopulationCheckRunner } from './population-check.runner';

/** Named files: checked again, as one chunk. No names: the sweep of the caller's province. */
@CommandHandler(CheckPopulationCommand)
export class CheckPopulationHandler implements ICommandHandler<CheckPopulationCommand> {
  constructor(
    private readonly runner: PopulationCheckRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ request, actor }: CheckPopulationCommand): Promise<CheckTallyResponse> {
    if (request.applicationIds) return this.runner.run([request.applicationIds], 'recheck', actor);
    // Boards and police always carry a province (token.service.ts); the guard let only them in.
    return this.runner.run(dueApplications(this.pool, actor.province ?? ''), 'due', actor);
  }
}
