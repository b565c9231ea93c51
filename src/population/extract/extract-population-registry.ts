import type { Pool } from 'pg';
import type { PopulationLookup, PopulationRegistry, RegistryPerson } from '../population-registry.port';

/** A row of the join: citizen_id is null on the one row that only names an empty result's snapshot. */
interface PersonRow {
  snapshot_id: string;
  citizen_id: string | null;
  full_name: string;
  date_of_birth: string;
  gender: 'male' | 'female';
  status: 'alive' | 'deceased';
  date_of_death: string | null;
  permanent_province: string | null;
  temporary_province: string | null;
  household_id: string | null;
  relation_to_head: string | null;
  spouse_citizen_id: string | null;
}

/** The label a check records as the registry version it consulted. */
export const snapshotLabel = (kind: 'population' | 'land', id: string | undefined): string => (id === undefined ? 'none' : `${kind}-extract-${id}`);

/** The population registry as its current imported extract (`noxh registry import`). */
export class ExtractPopulationRegistry implements PopulationRegistry {
  readonly kind = 'extract' as const;
  constructor(private readonly pool: Pool) {}

  async lookup(citizenIds: string[]): Promise<PopulationLookup> {
    // One statement, so the snapshot chosen and the rows read cannot come from two different imports.
    const { rows } = await this.pool.query<PersonRow>(
      `WITH latest AS (SELECT snapshot_id AS id FROM registry_current WHERE kind = 'population')
       SELECT latest.id AS snapshot_id, p.citizen_id, p.full_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              p.gender, p.status, to_char(p.date_of_death, 'YYYY-MM-DD') AS date_of_death, p.permanent_province,
              p.temporary_province, p.household_id, p.relation_to_head, p.spouse_citizen_id
       FROM latest LEFT JOIN registry_people p ON p.snapshot_id = latest.id AND p.citizen_id = ANY($1::text[])`,
      [citizenIds],
    );
    const people = new Map<string, RegistryPerson>();
    for (const r of rows) if (r.citizen_id !== null) people.set(r.citizen_id, toPerson(r.citizen_id, r));
    return { snapshot: snapshotLabel('population', rows[0]?.snapshot_id), people };
  }
}

function toPerson(citizenId: string, r: PersonRow): RegistryPerson {
  return {
    citizenId,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    status: r.status,
    dateOfDeath: r.date_of_death,
    permanentProvince: r.permanent_province,
    temporaryProvince: r.temporary_province,
    householdId: r.household_id,
    relationToHead: r.relation_to_head,
    spouseCitizenId: r.spouse_citizen_id,
  };
}
