import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clusterDirectory, makeEnterable } from './cluster-directory';
import { postgresOwner } from './postgres-server';

const run = promisify(execFile);
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('where the embedded cluster lives', () => {
  const made: string[] = [];
  const folder = async (mode: number): Promise<string> => {
    const path = await mkdtemp(join(tmpdir(), 'noxh-clusters-'));
    made.push(path);
    await chmod(path, mode);
    return path;
  };
  afterEach(async () => {
    for (const path of made.splice(0)) await rm(path, { recursive: true, force: true });
  });

  it('given a DATA_DIR others can enter, then the cluster is in it and nothing is made elsewhere', async () => {
    const dataDir = await folder(0o755);
    const clusters = join(await folder(0o755), 'clusters');
    expect(await clusterDirectory(dataDir, true, clusters)).toBe(join(dataDir, 'pg'));
    await expect(stat(clusters)).rejects.toThrow('ENOENT');
  });

  it('given a 0700 DATA_DIR, when root starts it on a fresh machine under umask 077, then the clusters folder is made enterable', async () => {
    const dataDir = await folder(0o700);
    const clusters = join(await folder(0o755), 'var', 'noxh-postgres');
    const umask = process.umask(0o077);
    try {
      const cluster = await clusterDirectory(dataDir, true, clusters);
      expect(cluster.startsWith(`${clusters}/`)).toBe(true);
    } finally {
      process.umask(umask);
    }
    expect(await modeOf(clusters)).toBe(0o755);
    expect(await modeOf(join(clusters, '..'))).toBe(0o755);
    // What it is for: the postgres user passes through it (only root can switch to that user to show it).
    if (process.getuid?.() === 0) await expect(run('test', ['-x', clusters], { ...(await postgresOwner()) })).resolves.toBeDefined();
  });

  it('given a clusters folder an earlier start left closed, then it is opened again', async () => {
    const clusters = await folder(0o700);
    await makeEnterable(clusters);
    expect(await modeOf(clusters)).toBe(0o755);
  });
});
