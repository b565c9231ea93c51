import { identitySimilarity, SIMILAR_IDENTITY_THRESHOLD, type IdentityProfile } from '../../src/shared/identity/identity-similarity';
import { bestSimilarPair } from '../../src/shared/identity/similar-pair';
import { byRecordedAt, compareText } from '../engine/compare-text';
import type { LedgerState } from '../engine/ledger-state';
import type { PersonRow } from '../engine/rows';
import type { FindingDraft } from './detector';
import { similarIdentityDraft } from './similar-identity.draft';

/**
 * The fuzzy half of identity-conflict. Blocking, not all pairs: a declaration is compared only with
 * those born the same day or on its day and month swapped, with the same common given name or an
 * uncommon one (IdentityIndex.alikeTo): under SIMILARITY_WEIGHTS no other pair can reach the
 * threshold. Of the declarations that may reach it with the best household, only the
 * pairs that reach it with their real households are kept. A block by family + given name found
 * nothing more and grew with the ledger (Nguyễn is the family name of about four Vietnamese in ten).
 * Scoring is src/shared/identity's, the same the SQL oracle uses.
 */

export function profileOf(p: PersonRow, state: LedgerState): IdentityProfile {
  return {
    citizenId: p.citizen_id, nameNorm: p.name_norm, dateOfBirth: p.date_of_birth, gender: p.gender,
    household: state.peopleOfApplication(p.application_id).map((q) => q.citizen_id),
  };
}

/** The ids a new or changed declaration is now alike to: their findings may have changed. */
export function similarKeys(people: readonly PersonRow[], state: LedgerState): string[] {
  const keys: string[] = [];
  for (const p of people) {
    const mine = profileOf(p, state);
    for (const q of state.peopleAlikeTo(p)) {
      if (identitySimilarity(mine, profileOf(q, state)).score >= SIMILAR_IDENTITY_THRESHOLD) keys.push(q.citizen_id);
    }
  }
  return keys;
}

/**
 * Findings for the ids greater than `citizenId` alike to one of its declarations (`mine`, in file
 * order), leaving out the ids already named by a same-identity finding (`exact`).
 */
export function similarIdentityDrafts(citizenId: string, mine: readonly PersonRow[], exact: ReadonlySet<string>, provinceCode: string, state: LedgerState): FindingDraft[] {
  const others = new Set<string>();
  for (const m of mine) {
    for (const q of state.peopleAlikeTo(m)) {
      // An id none of whose blocked declarations may be alike to this one has no pair that can reach the threshold.
      if (compareText(q.citizen_id, citizenId) > 0 && !exact.has(q.citizen_id)) others.add(q.citizen_id);
    }
  }
  const drafts: FindingDraft[] = [];
  for (const other of [...others].sort(compareText)) {
    const theirs = state.peopleOfCitizen(other)
      .flatMap((p) => {
        const file = state.application(p.application_id);
        return file === undefined ? [] : [{ p, file }];
      })
      .sort((x, y) => byRecordedAt(x.file, y.file))
      .map((d) => d.p);
    const best = bestSimilarPair(mine, theirs, (d) => profileOf(d, state));
    if (best) drafts.push(similarIdentityDraft(citizenId, best, provinceCode));
  }
  return drafts;
}
