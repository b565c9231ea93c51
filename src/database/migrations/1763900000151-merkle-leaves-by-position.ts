import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `merkle_leaves` is keyed by the event's global_position instead of its event_id: positions
 * grow as events are written, so each batch of leaves lands at the right edge of the index,
 * where random UUIDs touched a page apiece (and WAL wrote it whole after each checkpoint). A
 * proof finds the position through the events' own event_id index. Rows are carried over by
 * joining the log; a row whose event is gone would only have misled a proof.
 */
export class MerkleLeavesByPosition1763900000151 implements MigrationInterface {
  name = 'MerkleLeavesByPosition1763900000151';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE merkle_leaves_by_position (global_position bigint PRIMARY KEY, leaf_index bigint NOT NULL)');
    await q.query('INSERT INTO merkle_leaves_by_position SELECT e.global_position, l.leaf_index FROM merkle_leaves l JOIN events e USING (event_id)');
    await q.query('DROP TABLE merkle_leaves');
    await q.query('ALTER TABLE merkle_leaves_by_position RENAME TO merkle_leaves');
    await q.query('ALTER INDEX merkle_leaves_by_position_pkey RENAME TO merkle_leaves_pkey');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE merkle_leaves_by_event (event_id uuid PRIMARY KEY, leaf_index bigint NOT NULL)');
    await q.query('INSERT INTO merkle_leaves_by_event SELECT e.event_id, l.leaf_index FROM merkle_leaves l JOIN events e USING (global_position)');
    await q.query('DROP TABLE merkle_leaves');
    await q.query('ALTER TABLE merkle_leaves_by_event RENAME TO merkle_leaves');
    await q.query('ALTER INDEX merkle_leaves_by_event_pkey RENAME TO merkle_leaves_pkey');
  }
}
