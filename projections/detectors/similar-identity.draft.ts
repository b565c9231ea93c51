import { SIMILAR_IDENTITY_THRESHOLD, SIMILARITY_WEIGHTS } from '../../src/shared/identity/identity-similarity';
import type { ScoredPair } from '../../src/shared/identity/similar-pair';
import { streams } from '../../src/shared/streams';
import type { FindingDraft } from './detector';
import { similarIdentitySummary } from './summaries/identity-conflict.summary';

/** The columns of a declaration the finding shows (a PersonRow, or the oracle's row of rm_people). */
export interface DeclaredPerson {
  citizen_id: string;
  application_id: string;
  role: string;
  full_name: string;
  date_of_birth: string;
  gender: string | null;
  event_id: string;
}

const described = (p: DeclaredPerson) => ({ applicationId: p.application_id, role: p.role, fullName: p.full_name, dateOfBirth: p.date_of_birth, gender: p.gender, eventId: p.event_id });

/**
 * `similar-identity:<other id>`: two ids whose declarations are alike though not equal once
 * normalised (a typo, day and month swapped, a dropped middle name). The details show the score,
 * each component and its weight, so an inspector sees why. Written once for the ledger and its oracle.
 */
export function similarIdentityDraft(citizenId: string, pair: ScoredPair<DeclaredPerson>, provinceCode: string): FindingDraft {
  const { mine, theirs, similarity } = pair;
  const evidence = [...new Map([mine, theirs].map((d) => [d.event_id, { eventId: d.event_id, stream: streams.application(d.application_id) }])).values()];
  return {
    discriminator: `similar-identity:${theirs.citizen_id}`,
    severity: 'medium',
    provinceCode,
    citizenIds: [citizenId, theirs.citizen_id],
    evidence,
    summary: similarIdentitySummary(
      citizenId,
      { fullName: mine.full_name.trim(), dateOfBirth: mine.date_of_birth },
      theirs.citizen_id,
      { fullName: theirs.full_name.trim(), dateOfBirth: theirs.date_of_birth },
      similarity.score,
      SIMILAR_IDENTITY_THRESHOLD,
    ),
    details: {
      rule: 'similar-identity',
      score: similarity.score,
      threshold: SIMILAR_IDENTITY_THRESHOLD,
      components: similarity.components,
      weights: SIMILARITY_WEIGHTS,
      declarations: { [citizenId]: [described(mine)], [theirs.citizen_id]: [described(theirs)] },
    },
  };
}
