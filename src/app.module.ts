import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AllocationModule } from './allocation/allocation.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { JWT_SECRET } from './auth/auth.constants';
import { AuthModule } from './auth/auth.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { HttpModule } from './http/http.module';
import { InspectionModule } from './inspection/inspection.module';
import { LandFundModule } from './land-fund/land-fund.module';
import { LotteryModule } from './lottery/lottery.module';
import { PopulationModule } from './population/population.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProjectionsModule } from './projections/projections.module';
import { PublicListsModule } from './public-lists/public-lists.module';
import { Clock, CLOCK, systemClock } from './shared/clock';

export interface AppOptions {
  /** Validated config with `databaseUrl` resolved (DATABASE_URL or the embedded PostgreSQL). */
  config: AppConfig;
  jwtSecret: string;
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static register({ config, jwtSecret, clock = systemClock }: AppOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JWT_SECRET, useValue: jwtSecret },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, JWT_SECRET, CLOCK],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        AuthModule,
        HttpModule,
        HealthModule,
        AuditModule,
        AllocationModule,
        EligibilityModule,
        ApplicationsModule,
        LandFundModule,
        ProgrammesModule,
        ProjectionsModule,
        InspectionModule,
        PopulationModule,
        LotteryModule,
        PublicListsModule,
      ],
    };
  }
}
