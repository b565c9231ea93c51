/**
 * PostgreSQL's shutdowns, gentlest first, each with how long it may take before the next: SIGINT
 * is the fast shutdown, which rolls back open transactions and cuts sessions instead of waiting for
 * them (SIGTERM, "smart", would wait); SIGQUIT the immediate one, for a server still writing its
 * checkpoint (a slow disk), recovered at the next start; then SIGKILL.
 */
const STEPS = [['SIGINT', 3000], ['SIGQUIT', 1000], ['SIGKILL', 3000]] as const;

/**
 * Stops a postmaster one step at a time (STEPS): `send` signals it, `ended(ms)` says whether it
 * has ended within `ms`. Whether it ended by the last step's deadline.
 */
export async function shutDownPostgres(send: (signal: NodeJS.Signals) => void, ended: (ms: number) => Promise<boolean>): Promise<boolean> {
  for (const [signal, ms] of STEPS) {
    send(signal);
    if (await ended(ms)) return true;
  }
  return false;
}
