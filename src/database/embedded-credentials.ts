import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The password clusters created before passwords were generated still have. */
const LEGACY_PASSWORD = 'noxh';

const passwordFile = (dataDir: string) => join(dataDir, 'postgres-password');
const portFile = (dataDir: string) => join(dataDir, 'postgres-port');

/**
 * The embedded cluster's password: generated once per DATA_DIR (like the JWT secret), so no two
 * machines share one. A cluster initialised before this file existed keeps the password it has
 * (such clusters always live in DATA_DIR/postgres/pg: see cluster-directory.ts).
 */
export async function embeddedPassword(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const legacy = existsSync(join(dataDir, 'postgres', 'pg', 'PG_VERSION'));
  const fresh = legacy ? LEGACY_PASSWORD : randomBytes(24).toString('base64url');
  try {
    await writeFile(passwordFile(dataDir), fresh, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (await readFile(passwordFile(dataDir), 'utf8')).trim();
}

/** The recorded password, without creating one: a CLI that finds none has no running service to join. */
export async function recordedPassword(dataDir: string): Promise<string | undefined> {
  return readFile(passwordFile(dataDir), 'utf8').then((text) => text.trim(), () => undefined);
}

/** Written once the cluster runs, so `noxh …` in the same DATA_DIR finds it on its free-chosen port. */
export async function recordPort(dataDir: string, port: number): Promise<void> {
  await writeFile(portFile(dataDir), `${port}\n`);
}

export async function recordedPort(dataDir: string): Promise<number | undefined> {
  const text = await readFile(portFile(dataDir), 'utf8').catch(() => undefined);
  const port = Number(text?.trim());
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}
