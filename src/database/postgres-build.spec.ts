import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reachableBuild } from './postgres-build';
import { postgresOwner } from './postgres-server';

const run = promisify(execFile);

describe('the PostgreSQL build the embedded database runs', () => {
  const made: string[] = [];
  const folder = async (mode: number): Promise<string> => {
    const path = await mkdtemp(join(tmpdir(), 'noxh-build-'));
    made.push(path);
    await chmod(path, mode);
    return path;
  };
  afterEach(async () => {
    for (const path of made.splice(0)) await rm(path, { recursive: true, force: true });
  });

  /** A stand-in for the platform package's native/ folder: a server that says it ran, and a library with its symlink. */
  async function packagedIn(parent: string): Promise<{ folder: string; version: string }> {
    const native = join(parent, 'native');
    await mkdir(join(native, 'bin'), { recursive: true });
    await mkdir(join(native, 'lib'));
    await writeFile(join(native, 'bin', 'postgres'), '#!/bin/sh\necho ran\n', { mode: 0o755 });
    await writeFile(join(native, 'lib', 'libpq.so.5.18'), 'library');
    await symlink('libpq.so.5.18', join(native, 'lib', 'libpq.so.5'));
    return { folder: native, version: '18.4.0' };
  }

  it('given a checkout others can enter, then the build runs where npm put it', async () => {
    const packaged = await packagedIn(await folder(0o755));
    const builds = join(await folder(0o755), 'builds');
    expect((await reachableBuild(true, packaged, builds)).folder).toBe(packaged.folder);
    expect((await reachableBuild(false, packaged, builds)).folder).toBe(packaged.folder);
  });

  it('given a checkout in a folder only its owner enters, installed under umask 077, when root starts it, then the build is copied once where the postgres user can run it', async () => {
    const umask = process.umask(0o077);
    const packaged = await packagedIn(await folder(0o700)).finally(() => process.umask(umask));
    const builds = join(await folder(0o755), 'builds');
    const build = await reachableBuild(true, packaged, builds);
    expect(build.postgres).toBe(join(builds, '18.4.0', 'bin', 'postgres'));
    expect(await readlink(join(builds, '18.4.0', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect((await stat(build.postgres)).mode & 0o777).toBe(0o755);
    expect((await stat(join(builds, '18.4.0', 'lib', 'libpq.so.5.18'))).mode & 0o777).toBe(0o644);
    // Later starts of the same version take the copy as it is.
    await writeFile(join(packaged.folder, 'bin', 'postgres'), '#!/bin/sh\necho changed\n');
    expect((await reachableBuild(true, packaged, builds)).postgres).toBe(build.postgres);
    expect(await readFile(build.postgres, 'utf8')).toContain('echo ran');
    // A copy an earlier version left closed is opened again.
    await chmod(build.postgres, 0o700);
    await reachableBuild(true, packaged, builds);
    expect((await stat(build.postgres)).mode & 0o777).toBe(0o755);
    // What the copy is for: the postgres user runs it (only root can switch to that user to show it).
    if (process.getuid?.() === 0) expect((await run(build.postgres, [], { ...(await postgresOwner()) })).stdout).toBe('ran\n');
  });
});
