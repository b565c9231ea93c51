import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { runMigrations } from '../database/data-source';
import { resolveDatabase } from '../database/resolve-database';
import type { ExtractKind } from '../population/extract/extract-schemas';

/** The registry commands need only the database, not the event store. */
export async function withRegistryClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const database = await resolveDatabase(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`), ownSignals: false, reuseRunning: true });
  try {
    await runMigrations(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

/** The command an operator types for a registry: `registry` or `land-registry`. */
export const registryCommand = (kind: ExtractKind): string => (kind === 'land' ? 'land-registry' : 'registry');
