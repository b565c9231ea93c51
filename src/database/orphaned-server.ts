import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { shutDownPostgres } from './postgres-shutdown';

/**
 * Stops the PostgreSQL a killed process left running on `dataDir`. Its postmaster.pid names a
 * postgres process on this folder whose parent is no longer a Node process: a service, test run
 * or `noxh` ended by SIGKILL or the OOM killer leaves its embedded server behind, and every later
 * start then failed with 'lock file "postmaster.pid" already exists' until someone killed it by
 * hand. A server whose parent is a Node process belongs to a live run and is left alone (starting
 * then fails, saying so). Off Linux (no /proc) nothing is done. Returns the pid it stopped.
 */
export async function stopOrphanedServer(dataDir: string): Promise<number | undefined> {
  const pid = Number((await readText(join(dataDir, 'postmaster.pid'))).split('\n')[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const stat = await readText(`/proc/${pid}/stat`);
  // A pid reused by another program since: only a postgres serving this very folder is stopped.
  const args = (await readText(`/proc/${pid}/cmdline`)).split('\0');
  if (stat === '' || !args[0].endsWith('/postgres') || args[args.indexOf('-D') + 1] !== dataDir) return undefined;
  // The fields after the command name, which is in parentheses and may hold spaces: state, then the parent's pid.
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if ((await readText(`/proc/${parent}/comm`)).trim() === 'node') return undefined;
  const send = (signal: NodeJS.Signals) => {
    if (alive(pid)) process.kill(pid, signal);
  };
  // Not our child: nothing tells us it ended but its pid going.
  const ended = async (ms: number) => {
    for (const deadline = Date.now() + ms; alive(pid) && Date.now() < deadline; ) await sleep(50);
    return !alive(pid);
  };
  await shutDownPostgres(send, ended);
  return pid;
}

/** Whether a process of this pid exists (signal 0 checks without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}
