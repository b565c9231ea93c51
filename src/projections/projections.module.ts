import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROJECTIONS } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { allProjections } from './projections';
import { ProjectionsService } from './projections.service';

/** The read models, detectors and finding reviews, kept current from the log (projections/). */
@Module({
  providers: [
    { provide: ProjectionRunner, inject: [EVENT_STORE, DataSource], useFactory: (store: EventStore, dataSource: DataSource) => new ProjectionRunner(store, dataSource) },
    { provide: PROJECTIONS, useFactory: allProjections },
    ProjectionsService,
  ],
  exports: [ProjectionsService],
})
export class ProjectionsModule {}
