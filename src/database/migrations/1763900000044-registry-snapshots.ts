import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registry extracts (API.md "Registry extracts"): each import is a versioned snapshot, so a
 * police check can cite the version it consulted and a bad import can be set inactive without
 * losing the one before. Not event-sourced: these are copies of outside registries, not facts
 * the ledger decides.
 */
export class RegistrySnapshots1763900000044 implements MigrationInterface {
  name = 'RegistrySnapshots1763900000044';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_snapshots (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('population', 'land')),
        file_sha256 text NOT NULL,
        rows integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        imported_at timestamptz NOT NULL DEFAULT now(),
        active boolean NOT NULL DEFAULT true,
        -- The same file imported twice is one snapshot: re-import is a no-op.
        UNIQUE (kind, file_sha256)
      )`);
    // Lookups read the latest active snapshot of a kind.
    await q.query(`CREATE INDEX registry_snapshots_latest ON registry_snapshots (kind, id DESC) WHERE active`);
    await q.query(`
      CREATE TABLE registry_people (
        snapshot_id bigint NOT NULL REFERENCES registry_snapshots (id) ON DELETE CASCADE,
        -- "C": ids are digits, and byte comparison keeps the primary key cheap to build at import.
        citizen_id text COLLATE "C" NOT NULL,
        full_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL,
        status text NOT NULL,
        date_of_death date,
        permanent_province text,
        temporary_province text,
        household_id text,
        relation_to_head text,
        spouse_citizen_id text,
        PRIMARY KEY (snapshot_id, citizen_id)
      )`);
    // Household checks read every member of an applicant's household.
    await q.query(`CREATE INDEX registry_people_household ON registry_people (snapshot_id, household_id) WHERE household_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE land_certificates (
        snapshot_id bigint NOT NULL REFERENCES registry_snapshots (id) ON DELETE CASCADE,
        -- "C": ids are digits, and byte comparison keeps the primary key cheap to build at import.
        citizen_id text COLLATE "C" NOT NULL,
        province_code text NOT NULL,
        parcel text,
        certificate_no text NOT NULL,
        floor_area_m2 numeric(9, 2),
        registered_at date
      )`);
    await q.query(`CREATE INDEX land_certificates_owner ON land_certificates (snapshot_id, citizen_id, province_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE land_certificates`);
    await q.query(`DROP TABLE registry_people`);
    await q.query(`DROP TABLE registry_snapshots`);
  }
}
