import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models and findings, all rebuilt from the log by the `ledger` projection. Every fact keeps
 * the id and position of the event that stated it: that is the evidence a finding points to.
 */
export class ReadModels1763900000003 implements MigrationInterface {
  name = 'ReadModels1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_projects (
        project_id text PRIMARY KEY,
        province_code text NOT NULL,
        name text NOT NULL,
        planned_units int NOT NULL,
        released_units int NOT NULL DEFAULT 0,
        event_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_applications (
        application_id text PRIMARY KEY,
        project_id text NOT NULL,
        province_code text NOT NULL,
        citizen_id text NOT NULL,
        full_name text NOT NULL,
        tenure text NOT NULL,
        category text NOT NULL,
        monthly_income_vnd bigint NOT NULL,
        household jsonb NOT NULL,
        status text NOT NULL,
        submitted_at text NOT NULL,
        received_by text NOT NULL,
        submitted_event_id uuid NOT NULL,
        withdrawn_event_id uuid,
        decision jsonb,
        priority_rank int,
        rank_method text,
        rank_event_id uuid,
        allocation_id text,
        unit_no text,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_applications_citizen ON rm_applications (citizen_id)`);
    await q.query(`CREATE INDEX rm_applications_project ON rm_applications (project_id)`);
    await q.query(`
      CREATE TABLE rm_people (
        citizen_id text NOT NULL,
        application_id text NOT NULL,
        role text NOT NULL,
        full_name text NOT NULL,
        name_norm text NOT NULL,
        date_of_birth text NOT NULL,
        gender text,
        province_code text NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (citizen_id, application_id)
      )`);
    await q.query(`CREATE INDEX rm_people_name ON rm_people (name_norm, date_of_birth)`);
    await q.query(`CREATE INDEX rm_people_application ON rm_people (application_id)`);
    await q.query(`
      CREATE TABLE rm_units (
        project_id text NOT NULL,
        unit_no text NOT NULL,
        province_code text NOT NULL,
        floor_area_m2 int NOT NULL,
        tenure text NOT NULL,
        price_vnd bigint NOT NULL,
        status text NOT NULL,
        allocation_id text,
        application_id text,
        citizen_id text,
        allocation_event_id uuid,
        allocated_at text,
        handed_over_at text,
        fully_paid_at text,
        holder_citizen_id text,
        PRIMARY KEY (project_id, unit_no)
      )`);
    await q.query(`
      CREATE TABLE rm_claims (
        claim_id text PRIMARY KEY,
        citizen_id text NOT NULL,
        province_code text NOT NULL,
        project_id text NOT NULL,
        unit_no text NOT NULL,
        application_id text NOT NULL,
        tenure text NOT NULL,
        live boolean NOT NULL,
        claimed_event_id uuid NOT NULL,
        released_event_id uuid
      )`);
    await q.query(`CREATE INDEX rm_claims_citizen ON rm_claims (citizen_id)`);
    await q.query(`
      CREATE TABLE rm_land_fund (
        commercial_project_id text PRIMARY KEY,
        name text NOT NULL,
        province_code text NOT NULL,
        required_area_m2 bigint NOT NULL,
        handed_over_m2 bigint NOT NULL DEFAULT 0,
        paid_in_lieu_vnd bigint NOT NULL DEFAULT 0,
        discharged boolean NOT NULL DEFAULT false,
        due_date text NOT NULL,
        event_ids uuid[] NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_programme_targets (
        province_code text NOT NULL,
        period text NOT NULL,
        units int NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (province_code, period)
      )`);
    await q.query(`
      CREATE TABLE findings (
        id text PRIMARY KEY,
        detector text NOT NULL,
        finding_key text NOT NULL,
        severity text NOT NULL,
        province_code text,
        citizen_ids text[] NOT NULL,
        streams text[] NOT NULL,
        evidence jsonb NOT NULL,
        summary text NOT NULL,
        details jsonb NOT NULL,
        status text NOT NULL,
        first_seen_event_id uuid NOT NULL,
        first_seen_position text NOT NULL,
        closed_by_event_id uuid,
        closed_at_position text
      )`);
    await q.query(`CREATE INDEX findings_key ON findings (detector, finding_key)`);
    await q.query(`CREATE INDEX findings_filter ON findings (detector, province_code, status)`);
    await q.query(`
      CREATE TABLE finding_reviews (
        event_id uuid PRIMARY KEY,
        finding_id text NOT NULL,
        verdict text NOT NULL,
        note text NOT NULL,
        reviewed_by text NOT NULL,
        reviewed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX finding_reviews_finding ON finding_reviews (finding_id, reviewed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['finding_reviews', 'findings', 'rm_programme_targets', 'rm_land_fund', 'rm_claims', 'rm_units', 'rm_people', 'rm_applications', 'rm_projects']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
