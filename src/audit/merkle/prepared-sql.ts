import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Sql } from './sql';

/**
 * `Sql` over pg's pool with each statement prepared once per connection, named by its text's hash.
 * The proofs' queries (merkle-batches.ts) took longer to plan than to run: at 300k events, named
 * against unnamed, the leaf-index query p50 0.53 → 0.19 ms (p99 3.4 → 1.2) and the nodes query
 * 1.0 → 0.75 ms (p99 2.3 → 1.4), measured one after the other on one connection.
 */
export function preparedSql(pool: Pool): Sql {
  const names = new Map<string, string>();
  return {
    async query(text: string, parameters?: unknown[]): Promise<unknown> {
      let name = names.get(text);
      if (name === undefined) {
        name = `noxh_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
        names.set(text, name);
      }
      const { rows } = await pool.query({ name, text, values: parameters });
      return rows;
    },
  };
}
