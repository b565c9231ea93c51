import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.constants';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { HealthAnswerFilter } from './health-answer.filter';
import { ProjectionsService } from '../projections/projections.service';
import { ProjectionLag } from './projection-lag';

const TIMEOUT_MS = 3000;

@ApiTags('ops')
@Controller('health')
@UseFilters(HealthAnswerFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly lag: ProjectionLag,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database, event store, projection lag (in events) and any projection stopped at an event it cannot apply' })
  @ApiOkResponse({ description: 'Every dependency is up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which' })
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
          })
          .withTimeout(TIMEOUT_MS),
      () =>
        this.indicators
          .check('eventStore')
          .attempt(async () => {
            await this.store.ping();
            return { backend: this.store.backend };
          })
          .withTimeout(TIMEOUT_MS),
      async () => {
        // A projection stopped at an event it cannot apply is down, however small its lag looks.
        const failures = this.projections.failures();
        if (failures.length > 0) return this.indicators.check('projections').down({ failures });
        return this.indicators.check('projections').attempt(() => this.lag.measure()).withTimeout(TIMEOUT_MS);
      },
    ]);
  }
}
