import { generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Checkpointer } from '../src/audit/checkpoints/checkpointer';
import { keyIdOf } from '../src/audit/checkpoints/checkpoint-note';
import type { KeyRing } from '../src/audit/checkpoints/signing-keys';
import { type CheckpointSettings, loadConfig } from '../src/config/app-config';
import type { EventStore } from '../src/event-store/event-store.port';
import { systemClock } from '../src/shared/clock';
import { ProjectionRunner } from '../projections/runner/projection-runner';

/** The service's defaults (CHECKPOINT_EVERY 1000, CHECKPOINT_SECONDS 60, origin noxh-ledger), read the way the service reads them. */
export const CHECKPOINT_SETTINGS: CheckpointSettings = loadConfig({}).checkpoints;

/** A fresh Ed25519 key held in memory: the bench writes no DATA_DIR. */
export function benchKeyRing(): KeyRing {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  return { current: { privateKey, publicKey, keyId }, trusted: new Map([[keyId, publicKey]]) };
}

/** The TypeORM data source the audit code and the projection runner take, on the bench database. */
export async function benchDataSource(url: string, connections: number): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: connections } });
  await dataSource.initialize();
  return dataSource;
}

/** The checkpointer exactly as AuditModule wires it: its own runner, the service's settings. */
export function benchCheckpointer(store: EventStore, dataSource: DataSource, keys: KeyRing): Checkpointer {
  return new Checkpointer(store, dataSource, new ProjectionRunner(store, dataSource), CHECKPOINT_SETTINGS, () => Promise.resolve(keys), systemClock);
}
