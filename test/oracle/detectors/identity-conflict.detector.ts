import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { declaredAsOthers } from '../../../src/shared/identity/identity-similarity';
import { citizenIdContradictions } from '../../../src/shared/identity/citizen-id';
import { currentProvince } from '../../../src/shared/identity/province-mergers';
import { similarIdentityDrafts, similarKeys } from './similar-identity';
import type { Detector, Evidence, FindingDraft } from './sql-detector';
import { declarationsSummary, idDigitsSummary, sameIdentitySummary } from '../../../projections/detectors/summaries/identity-conflict.summary';

/** One declaration of an identity: a citizen id with a name and birth date, in one file. */
interface Declaration {
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

const SELECT_DECLARATIONS = `SELECT p.citizen_id, p.application_id, p.role, p.full_name, p.name_norm, p.date_of_birth, p.gender, p.province_code, p.event_id
  FROM rm_people p JOIN rm_applications a USING (application_id)`;

const identityOf = (d: Declaration) => `${d.name_norm}|${d.date_of_birth}`;
const evidenceOf = (ds: Declaration[]): Evidence[] =>
  [...new Map(ds.map((d) => [d.event_id, { eventId: d.event_id, stream: `application-${d.application_id}` }])).values()];
const described = (d: Declaration) => ({ applicationId: d.application_id, role: d.role, fullName: d.full_name, dateOfBirth: d.date_of_birth, gender: d.gender, eventId: d.event_id });
const gender = (g: string | null) => (g === 'male' || g === 'female' ? g : null);

/**
 * Detector 3: identity data that cannot all be true (Identification Law 2023 Art. 12: one id per
 * person, never reused, its digits encoding century, gender and birth year). Key: a citizen id.
 * - `same-identity:<other id>`: the same normalised name and birth date declared under this id and
 *   a greater one (the sorted pair names the finding once); medium: namesakes born the same day exist.
 * - `similar-identity:<other id>`: declarations alike but not equal once normalised, scored by the
 *   same pure function as the ledger (src/shared/identity), candidates blocked here in SQL.
 * - `declarations`: this id declared with different normalised names or birth dates, not all of them
 *   alike (a typo in a re-submission is a slip, not a second person: declaredAsOthers); high.
 * - `id-digits`: the id's own digits contradict a declared birth year or gender; medium (typos happen).
 * Names compare without diacritics, case or extra spaces (normalizeName). Every declaration counts,
 * withdrawn files too: an identity once declared stays declared. Closes when an amendment corrects
 * the household declaration that conflicted.
 */
export const identityConflict: Detector = {
  name: 'identity-conflict',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    if (event.type !== 'ApplicationSubmitted' && !(event.type === 'ApplicationAmended' && (event.data.changes as { household?: unknown }).household)) return [];
    const rows = await tx.query<{ citizen_id: string }[]>(
      `SELECT DISTINCT q.citizen_id FROM rm_people p JOIN rm_people q ON q.name_norm = p.name_norm AND q.date_of_birth = p.date_of_birth
       WHERE p.application_id = $1`,
      [event.data.applicationId],
    );
    // Findings that rested on a declaration an amendment has just replaced must be looked at again.
    const open = await tx.query<{ finding_key: string }[]>(`SELECT finding_key FROM findings WHERE detector = $1 AND status = 'open' AND streams @> ARRAY[$2]::text[]`, [
      'identity-conflict', event.stream,
    ]);
    const similar = await similarKeys(event.data.applicationId as string, tx);
    return [...new Set([...rows.map((r) => r.citizen_id), ...similar, ...open.map((r) => r.finding_key)])].sort();
  },

  async evaluate(citizenId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const mine = await tx.query<Declaration[]>(`${SELECT_DECLARATIONS} WHERE p.citizen_id = $1 ORDER BY a.recorded_at, p.application_id`, [citizenId]);
    if (mine.length === 0) return [];
    const provinceCode = currentProvince(mine[mine.length - 1].province_code);
    const drafts: FindingDraft[] = [];

    const others = await tx.query<Declaration[]>(
      `${SELECT_DECLARATIONS} WHERE p.citizen_id COLLATE "C" > $1 AND (p.name_norm, p.date_of_birth) IN
         (SELECT name_norm, date_of_birth FROM rm_people WHERE citizen_id = $1)
       ORDER BY p.citizen_id, a.recorded_at, p.application_id`,
      [citizenId],
    );
    for (const other of [...new Set(others.map((o) => o.citizen_id))]) {
      const theirs = others.filter((o) => o.citizen_id === other);
      const shared = mine.filter((m) => theirs.some((t) => identityOf(t) === identityOf(m)));
      const { name_norm, date_of_birth } = theirs[0];
      const names = (ds: Declaration[]) => [...new Set(ds.map((d) => `"${d.full_name.trim()}"`))].join(' / ');
      drafts.push({
        discriminator: `same-identity:${other}`,
        severity: 'medium',
        provinceCode,
        citizenIds: [citizenId, other],
        evidence: evidenceOf([...shared, ...theirs]),
        summary: sameIdentitySummary(citizenId, names(shared), other, names(theirs), date_of_birth),
        details: { rule: 'same-identity', name: name_norm, dateOfBirth: date_of_birth, declarations: { [citizenId]: shared.map(described), [other]: theirs.map(described) } },
      });
    }

    drafts.push(...await similarIdentityDrafts(citizenId, mine, new Set(others.map((o) => o.citizen_id)), provinceCode, tx));

    const identities = [...new Map(mine.map((m) => [identityOf(m), m])).values()];
    // A clerk's slip under one id (a typo, a swapped day and month) is not a second person.
    if (identities.length > 1 && declaredAsOthers(citizenId, identities.map((m) => ({ nameNorm: m.name_norm, dateOfBirth: m.date_of_birth, gender: m.gender })))) {
      drafts.push({
        discriminator: 'declarations',
        severity: 'high',
        provinceCode,
        citizenIds: [citizenId],
        evidence: evidenceOf(mine),
        summary: declarationsSummary(citizenId, identities.map((m) => ({ fullName: m.full_name, dateOfBirth: m.date_of_birth, applicationId: m.application_id }))),
        details: { rule: 'declarations', declarations: mine.map(described) },
      });
    }

    const contradicted = mine
      .map((m) => ({ m, reasons: citizenIdContradictions(citizenId, { dateOfBirth: m.date_of_birth, gender: gender(m.gender) }).map((c) => c.vi) }))
      .filter((c) => c.reasons.length > 0);
    if (contradicted.length > 0) {
      drafts.push({
        discriminator: 'id-digits',
        severity: 'medium',
        provinceCode,
        citizenIds: [citizenId],
        evidence: evidenceOf(contradicted.map((c) => c.m)),
        summary: idDigitsSummary(citizenId, [...new Set(contradicted.flatMap((c) => c.reasons))]),
        details: { rule: 'id-digits', declarations: contradicted.map((c) => ({ ...described(c.m), reasons: c.reasons })) },
      });
    }
    return drafts;
  },
};
