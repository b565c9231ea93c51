import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

export const PG_POOL = Symbol('PgPool');

/**
 * TypeORM for read models and the migrations (run at start-up); a plain `pg` pool for the event
 * store, whose one-statement appends gain nothing from an ORM.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: requireUrl(config),
        migrations: MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        synchronize: false,
        autoLoadEntities: true,
        logging: false,
      }),
    }),
  ],
  providers: [
    {
      provide: PG_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const pool = new Pool({ connectionString: requireUrl(config), max: 20 });
        // An idle connection the server closes (restart, failover) must not crash the process;
        // the pool replaces it on the next query.
        pool.on('error', (error) => new Logger('Database').warn(`Idle connection lost: ${error.message}`));
        return pool;
      },
    },
  ],
  exports: [PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

function requireUrl(config: AppConfig): string {
  if (!config.databaseUrl) throw new Error('No database: start-up must set databaseUrl (DATABASE_URL or the embedded PostgreSQL)');
  return config.databaseUrl;
}
