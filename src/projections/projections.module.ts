import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PROJECTIONS } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { APP_CONFIG } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { allProjections } from './projections';
import { FreshReadsInterceptor } from '../http/fresh-reads.interceptor';
import { LogPositionInterceptor } from '../http/log-position.interceptor';
import { READ_MODEL_FRESHNESS } from '../http/read-model-freshness';
import { ProjectionsService } from './projections.service';

/**
 * The read models, detectors and finding reviews, kept current from the log (projections/). Global:
 * every context's read-model queries wait through FreshReadsInterceptor.
 */
@Global()
@Module({
  providers: [
    { provide: ProjectionRunner, inject: [EVENT_STORE, DataSource], useFactory: (store: EventStore, dataSource: DataSource) => new ProjectionRunner(store, dataSource) },
    { provide: PROJECTIONS, inject: [APP_CONFIG], useFactory: allProjections },
    ProjectionsService,
    FreshReadsInterceptor,
    { provide: READ_MODEL_FRESHNESS, useExisting: ProjectionsService },
    { provide: APP_INTERCEPTOR, useClass: LogPositionInterceptor },
  ],
  exports: [ProjectionsService, FreshReadsInterceptor, READ_MODEL_FRESHNESS],
})
export class ProjectionsModule {}
