import type { ClientBase } from 'pg';
import type { ExtractKind } from './extract-schemas';

/** One imported extract, as `noxh registry list` shows it. */
export interface SnapshotSummary {
  id: string;
  rows: number;
  rejected: number;
  importedAt: string;
  fileSha256: string;
  current: boolean;
}

/** The operator named a snapshot that is not one of this registry's. `message` is English, `messageVi` the operator's. */
export class UnknownSnapshot extends Error {
  readonly messageVi: string;

  constructor(kind: ExtractKind, id: string) {
    const list = `\`noxh ${kind === 'land' ? 'land-registry' : 'registry'} list\``;
    super(`${kind}: no snapshot ${id} (see ${list})`);
    this.messageVi = `${kind}: không có bản trích lục ${id} (xem ${list})`;
    this.name = 'UnknownSnapshot';
  }
}

/** Makes `snapshotId` the one lookups of `kind` read; returns the one it replaces, if any. */
export async function makeCurrent(client: ClientBase, kind: ExtractKind, snapshotId: string): Promise<string | undefined> {
  // The CTE reads the row as it was before the upsert in the same statement.
  const { rows } = await client.query<{ previous: string | null }>(
    `WITH before AS (SELECT snapshot_id FROM registry_current WHERE kind = $1)
     INSERT INTO registry_current (kind, snapshot_id) VALUES ($1, $2)
     ON CONFLICT (kind) DO UPDATE SET snapshot_id = EXCLUDED.snapshot_id, since = now()
     RETURNING (SELECT snapshot_id FROM before) AS previous`,
    [kind, snapshotId],
  );
  const previous = rows[0].previous;
  return previous === null ? undefined : previous;
}

/** `noxh registry use`: switches to an earlier (or later) snapshot of the same registry. */
export async function useSnapshot(client: ClientBase, kind: ExtractKind, id: string): Promise<string | undefined> {
  if (!/^\d{1,18}$/.test(id)) throw new UnknownSnapshot(kind, id);
  const { rowCount } = await client.query(`SELECT 1 FROM registry_snapshots WHERE kind = $1 AND id = $2`, [kind, id]);
  if (rowCount === 0) throw new UnknownSnapshot(kind, id);
  return makeCurrent(client, kind, id);
}

/** Every snapshot of a registry, oldest first. */
export async function listSnapshots(client: ClientBase, kind: ExtractKind): Promise<SnapshotSummary[]> {
  const { rows } = await client.query<SnapshotSummary>(
    `SELECT s.id, s.rows, s.rejected, to_char(s.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "importedAt",
            s.file_sha256 AS "fileSha256", c.snapshot_id IS NOT NULL AS current
     FROM registry_snapshots s LEFT JOIN registry_current c ON c.snapshot_id = s.id
     WHERE s.kind = $1 ORDER BY s.id`,
    [kind],
  );
  return rows;
}
