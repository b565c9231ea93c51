import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PG_POOL } from '../database/database.module';
import { InspectionModule } from '../inspection/inspection.module';
import { CLOCK, type Clock } from '../shared/clock';
import { CheckPopulationHandler } from './commands/check-population/check-population.handler';
import { CheckPopulationHttpController } from './commands/check-population/check-population.http.controller';
import { PopulationCheckRunner } from './commands/check-population/population-check.runner';
import { ExtractLandRegistry } from './extract/extract-land-registry';
import { ExtractPopulationRegistry } from './extract/extract-population-registry';
import { HttpPopulationRegistry } from './http/population-registry.http-client';
import { LAND_REGISTRY, type LandRegistry } from './land-registry.port';
import { POPULATION_REGISTRY, type PopulationRegistry } from './population-registry.port';
import { PopulationChecksHandler } from './queries/population-checks/population-checks.handler';
import { PopulationChecksHttpController } from './queries/population-checks/population-checks.http.controller';

/**
 * The police cross-check (Công an): applicants and household members against the population
 * database (the registry service when POPULATION_REGISTRY_URL is set, else the imported extract)
 * and the land registry's extract.
 */
@Module({
  imports: [CqrsModule, InspectionModule],
  controllers: [CheckPopulationHttpController, PopulationChecksHttpController],
  providers: [
    {
      provide: POPULATION_REGISTRY,
      inject: [APP_CONFIG, PG_POOL, CLOCK],
      useFactory: (config: AppConfig, pool: Pool, clock: Clock): PopulationRegistry =>
        config.populationRegistry ? new HttpPopulationRegistry({ ...config.populationRegistry, clock }) : new ExtractPopulationRegistry(pool),
    },
    { provide: LAND_REGISTRY, inject: [PG_POOL], useFactory: (pool: Pool): LandRegistry => new ExtractLandRegistry(pool) },
    PopulationCheckRunner,
    CheckPopulationHandler,
    PopulationChecksHandler,
  ],
})
export class PopulationModule {}
