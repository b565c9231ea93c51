import type { EntityManager } from 'typeorm';
import { identitySimilarity, mayBeSimilar, SIMILAR_IDENTITY_THRESHOLD, swappedDayMonth, type IdentityProfile } from '../../../src/shared/identity/identity-similarity';
import { bestSimilarPair } from '../../../src/shared/identity/similar-pair';
import type { FindingDraft } from '../../../projections/detectors/detector';
import { similarIdentityDraft } from '../../../projections/detectors/similar-identity.draft';

/** A row of rm_people whose file the ledger holds. */
export interface PersonDeclaration {
  citizen_id: string;
  application_id: string;
  role: string;
  full_name: string;
  name_norm: string;
  date_of_birth: string;
  gender: string | null;
  province_code: string;
  event_id: string;
}

const dated = (p: PersonDeclaration) => ({ dateOfBirth: p.date_of_birth });
const COLUMNS = 'p.citizen_id, p.application_id, p.role, p.full_name, p.name_norm, p.date_of_birth, p.gender, p.province_code, p.event_id';
/** The oracle's blocking, in SQL: born the same day, or on the swapped day and month. */
async function blockedWith(d: PersonDeclaration, tx: EntityManager): Promise<PersonDeclaration[]> {
  const dates = [d.date_of_birth, swappedDayMonth(d.date_of_birth)].filter((x): x is string => x !== null);
  return await tx.query<PersonDeclaration[]>(
    `SELECT ${COLUMNS} FROM rm_people p JOIN rm_applications a USING (application_id)
     WHERE p.citizen_id <> $1 AND p.date_of_birth = ANY($2::text[])`,
    [d.citizen_id, dates],
  );
}

/** Each declaration with its file's other people, read in one query. */
async function profiles(ds: readonly PersonDeclaration[], tx: EntityManager): Promise<(d: PersonDeclaration) => IdentityProfile> {
  const files = [...new Set(ds.map((d) => d.application_id))];
  const rows = await tx.query<{
    application_id: string; ids: string[];
  }[]>(`SELECT application_id, array_agg(citizen_id) AS ids FROM rm_people WHERE application_id = ANY($1::text[]) GROUP BY application_id`, [files]);
  const household = new Map(rows.map((r) => [r.application_id, r.ids]));
  return (d) => ({ citizenId: d.citizen_id, nameNorm: d.name_norm, dateOfBirth: d.date_of_birth, gender: d.gender, household: household.get(d.application_id) ?? [] });
}

export async function similarKeys(applicationId: string, tx: EntityManager): Promise<string[]> {
  const people = await tx.query<PersonDeclaration[]>(`SELECT ${COLUMNS} FROM rm_people p JOIN rm_applications a USING (application_id) WHERE p.application_id = $1`, [applicationId]);
  const keys: string[] = [];
  for (const p of people) {
    const candidates = await blockedWith(p, tx);
    const profile = await profiles([p, ...candidates], tx);
    for (const q of candidates) if (mayBeSimilar(dated(p), dated(q)) && identitySimilarity(profile(p), profile(q)).score >= SIMILAR_IDENTITY_THRESHOLD) keys.push(q.citizen_id);
  }
  return keys;
}

export async function similarIdentityDrafts(
  citizenId: string, mine: readonly PersonDeclaration[], exact: ReadonlySet<string>, provinceCode: string, tx: EntityManager,
): Promise<FindingDraft[]> {
  const others = new Set<string>();
  for (const m of mine) {
    for (const q of await blockedWith(m, tx)) if (q.citizen_id > citizenId && !exact.has(q.citizen_id) && mayBeSimilar(dated(m), dated(q))) others.add(q.citizen_id);
  }
  const drafts: FindingDraft[] = [];
  for (const other of [...others].sort()) {
    const theirs = await tx.query<PersonDeclaration[]>(
      `SELECT ${COLUMNS} FROM rm_people p JOIN rm_applications a USING (application_id) WHERE p.citizen_id = $1 ORDER BY a.recorded_at, p.application_id`,
      [other],
    );
    const profile = await profiles([...mine, ...theirs], tx);
    const best = bestSimilarPair(mine, theirs, profile);
    if (best) drafts.push(similarIdentityDraft(citizenId, best, provinceCode));
  }
  return drafts;
}
