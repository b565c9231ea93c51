import { declaredAsOthers } from '../../src/shared/identity/identity-similarity';
import { citizenIdContradictions } from '../../src/shared/identity/citizen-id';
import { currentProvince } from '../../src/shared/identity/province-mergers';
import { streams } from '../../src/shared/streams';
import { byRecordedAt, compareText } from '../engine/compare-text';
import type { LedgerState } from '../engine/ledger-state';
import type { ApplicationRow, PersonRow } from '../engine/rows';
import { detector, type Evidence, type FindingDraft } from './detector';
import { similarIdentityDrafts, similarKeys } from './similar-identity';
import { declarationsSummary, idDigitsSummary, sameIdentitySummary } from './summaries/identity-conflict.summary';

const NAME = 'identity-conflict';

/** One declaration of an identity: a citizen id with a name and birth date, in one file. */
interface Declaration { p: PersonRow; file: ApplicationRow }

const identityOf = (d: Declaration) => `${d.p.name_norm}|${d.p.date_of_birth}`;
const evidenceOf = (ds: Declaration[]): Evidence[] =>
  [...new Map(ds.map((d) => [d.p.event_id, { eventId: d.p.event_id, stream: streams.application(d.p.application_id) }])).values()];
const described = ({ p }: Declaration) => ({ applicationId: p.application_id, role: p.role, fullName: p.full_name, dateOfBirth: p.date_of_birth, gender: p.gender, eventId: p.event_id });
const gender = (g: string | null) => (g === 'male' || g === 'female' ? g : null);

/** A person's declarations in files the ledger holds. */
function declarationsOf(people: PersonRow[], state: LedgerState): Declaration[] {
  const ds: Declaration[] = [];
  for (const p of people) {
    const file = state.application(p.application_id);
    if (file) ds.push({ p, file });
  }
  return ds;
}

const inFileOrder = (x: Declaration, y: Declaration) => byRecordedAt(x.file, y.file);

/**
 * Detector 3: identity data that cannot all be true (Identification Law 2023 Art. 12: one id per
 * person, never reused, its digits encoding century, gender and birth year). Key: a citizen id.
 * - `same-identity:<other id>`: the same normalised name and birth date declared under this id and
 *   a greater one (the sorted pair names the finding once); medium: namesakes born the same day exist.
 * - `similar-identity:<other id>`: declarations alike but not equal once normalised (a clerk's typo,
 *   day and month swapped, a dropped middle name), scored on name, birth date, gender, the ids' digits
 *   and shared household members (src/shared/identity/identity-similarity.ts); medium. Not raised
 *   for a pair that already has a same-identity finding.
 * - `declarations`: this id declared with different normalised names or birth dates, not all of them
 *   alike (a typo in a re-submission is a slip, not a second person: declaredAsOthers); high.
 * - `id-digits`: the id's own digits contradict a declared birth year or gender; medium (typos happen).
 * Names compare without diacritics, case or extra spaces (normalizeName). Every declaration counts,
 * withdrawn files too: an identity once declared stays declared. Closes when an amendment corrects
 * the household declaration that conflicted.
 */
export const identityConflict = detector({
  name: NAME,

  keysOf(event, state) {
    if (event.kind !== 'application') return [];
    if (event.type !== 'ApplicationSubmitted' && !(event.type === 'ApplicationAmended' && event.data.changes.household)) return [];
    const ids = new Set<string>();
    for (const p of state.peopleOfApplication(event.data.applicationId)) {
      for (const q of state.peopleWithIdentity(p.name_norm, p.date_of_birth)) ids.add(q.citizen_id);
    }
    for (const id of similarKeys(state.peopleOfApplication(event.data.applicationId), state)) ids.add(id);
    // Findings that rested on a declaration an amendment has just replaced must be looked at again.
    for (const k of state.openFindingKeysOn(NAME, event.stream)) ids.add(k);
    return [...ids].sort();
  },

  evaluate(citizenId, state): FindingDraft[] {
    const minePeople = state.peopleOfCitizen(citizenId);
    const mine = declarationsOf(minePeople, state).sort(inFileOrder);
    if (mine.length === 0) return [];
    const provinceCode = currentProvince(mine[mine.length - 1].p.province_code);
    const drafts: FindingDraft[] = [];

    const candidates = new Map<string, PersonRow>();
    for (const m of minePeople) {
      for (const q of state.peopleWithIdentity(m.name_norm, m.date_of_birth)) {
        if (compareText(q.citizen_id, citizenId) > 0) candidates.set(`${q.citizen_id}\u0000${q.application_id}`, q);
      }
    }
    const others = declarationsOf([...candidates.values()], state)
      .sort((x, y) => compareText(x.p.citizen_id, y.p.citizen_id) || inFileOrder(x, y));
    for (const other of [...new Set(others.map((o) => o.p.citizen_id))]) {
      const theirs = others.filter((o) => o.p.citizen_id === other);
      const shared = mine.filter((m) => theirs.some((t) => identityOf(t) === identityOf(m)));
      const { name_norm, date_of_birth } = theirs[0].p;
      const names = (ds: Declaration[]) => [...new Set(ds.map((d) => `"${d.p.full_name.trim()}"`))].join(' / ');
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

    drafts.push(...similarIdentityDrafts(citizenId, mine.map((m) => m.p), new Set(others.map((o) => o.p.citizen_id)), provinceCode, state));

    const identities = [...new Map(mine.map((m) => [identityOf(m), m])).values()];
    // A clerk's slip under one id (a typo, a swapped day and month) is not a second person.
    if (identities.length > 1 && declaredAsOthers(citizenId, identities.map((m) => ({ nameNorm: m.p.name_norm, dateOfBirth: m.p.date_of_birth, gender: m.p.gender })))) {
      drafts.push({
        discriminator: 'declarations',
        severity: 'high',
        provinceCode,
        citizenIds: [citizenId],
        evidence: evidenceOf(mine),
        summary: declarationsSummary(citizenId, identities.map((m) => ({ fullName: m.p.full_name, dateOfBirth: m.p.date_of_birth, applicationId: m.p.application_id }))),
        details: { rule: 'declarations', declarations: mine.map(described) },
      });
    }

    const contradicted = mine
      .map((m) => ({ m, reasons: citizenIdContradictions(citizenId, { dateOfBirth: m.p.date_of_birth, gender: gender(m.p.gender) }).map((c) => c.vi) }))
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
});
