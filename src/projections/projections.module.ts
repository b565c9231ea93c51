import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PROJECTIONS } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { allProjections } from './projections';
import { FreshReadsInterceptor } from './fresh-reads.interceptor';
import { LogPositionInterceptor } from './log-position.interceptor';
import { ProjectionsService } from './projections.service';

/**
 * The read models, detectors and finding reviews, kept current from the log (projections/). Global:
 * every context's read-model queries wait through FreshReadsInterceptor.
 */
@Global()
@Module({
  providers: [
    { provide: ProjectionRunner, inject: [EVENT_STORE, DataSource], useFactory: (store: EventStore, dataSource: DataSource) => new ProjectionRunner(store, dataSource) },
    { provide: PROJECTIONS, useFactory: allProjections },
    ProjectionsService,
    FreshReadsInterceptor,
    { provide: APP_INTERCEPTOR, useClass: LogPositionInterceptor },
  ],
  exports: [ProjectionsService, FreshReadsInterceptor],
})
export class ProjectionsModule {}
