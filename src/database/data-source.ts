import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** The TypeORM data source: read models (later) and the migrations that build the whole schema. */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    entities: [],
    synchronize: false,
    logging: false,
  });
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
