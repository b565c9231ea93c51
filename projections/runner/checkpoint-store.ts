import type { EntityManager } from 'typeorm';
import { LOG_START, type LogPosition } from '../../src/event-store/event-store.port';

interface Row {
  commit_position: string;
  prepare_position: string;
}

export async function readCheckpoint(tx: EntityManager, name: string): Promise<LogPosition> {
  const rows: Row[] = await tx.query('SELECT commit_position::text, prepare_position::text FROM projection_checkpoints WHERE name = $1', [name]);
  return rows[0] ? { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) } : LOG_START;
}

export async function writeCheckpoint(tx: EntityManager, name: string, position: LogPosition): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, commit_position, prepare_position, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
       updated_at = now()`,
    [name, position.commit.toString(), position.prepare.toString()],
  );
}

export async function deleteCheckpoint(tx: EntityManager, name: string): Promise<void> {
  await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
}
