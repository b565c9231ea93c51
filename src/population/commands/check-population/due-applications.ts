import type { Pool } from 'pg';

/** Ids handed to the sweep per chunk. */
export const SWEEP_CHUNK = 500;

/**
 * The open files of a province that await a check (rm_applications.population_check_due), a
 * chunk at a time in id order. The read model may lag the log by a moment: a file submitted just
 * now is checked by the next sweep; the runner reads every stream itself before deciding.
 */
export async function* dueApplications(pool: Pool, provinceCode: string): AsyncGenerator<string[]> {
  for (let after = ''; ; ) {
    const { rows } = await pool.query<{ application_id: string }>(
      `SELECT application_id FROM rm_applications WHERE province_code = $1 AND status = 'open' AND population_check_due
         AND application_id > $2 ORDER BY application_id LIMIT $3`,
      [provinceCode, after, SWEEP_CHUNK],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1].application_id;
    yield rows.map((r) => r.application_id);
  }
}
