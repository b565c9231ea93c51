import { existsSync, readdirSync, readFileSync } from 'node:fs';

// USER_HZ, the unit of /proc CPU times, is 100 on every Linux build Node supports.
const TICKS = 100;

/** Busy CPU seconds of the whole machine so far (user+nice+system+irq+softirq+steal); NaN off Linux. */
export function hostCpuSeconds(): number {
  if (!existsSync('/proc/stat')) return Number.NaN;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

/**
 * CPU seconds a local PostgreSQL has used so far: the postmaster, its live children, and the
 * children it already reaped (cutime/cstime), so a backend or autovacuum worker that exits mid-round
 * is still counted. This separates PostgreSQL's share from the rest of a shared machine.
 */
export function serverCpuSeconds(postmasterPid: number): number {
  const own = stat(postmasterPid);
  if (!own) return Number.NaN;
  let ticks = own.utime + own.stime + own.cutime + own.cstime;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmasterPid) ticks += child.utime + child.stime;
  }
  return ticks / TICKS;
}

/** The postmaster's pid when PostgreSQL runs on this machine, read from its data directory. */
export function localPostmasterPid(dataDirectory: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres' ? pid : undefined;
  } catch {
    return undefined;
  }
}

function stat(pid: number): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | undefined {
  try {
    // The command name may contain spaces and parentheses; the fields start after the last ')'.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    return { ppid: f[1], utime: f[11], stime: f[12], cutime: f[13], cstime: f[14] };
  } catch {
    return undefined;
  }
}
