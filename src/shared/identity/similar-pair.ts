import { identitySimilarity, mayBeSimilar, SIMILAR_IDENTITY_THRESHOLD, type IdentityProfile, type IdentitySimilarity } from './identity-similarity';

export interface ScoredPair<D> {
  mine: D;
  theirs: D;
  similarity: IdentitySimilarity;
}

/**
 * The most alike pair of declarations of two ids, if it reaches the threshold. Ties go to the first
 * pair in the order given (both sides pass declarations in file order), so the ledger and its SQL
 * oracle pick the same pair and cite the same evidence.
 */
export function bestSimilarPair<D extends { date_of_birth: string }>(mine: readonly D[], theirs: readonly D[], profile: (d: D) => IdentityProfile): ScoredPair<D> | null {
  let best: ScoredPair<D> | null = null;
  for (const m of mine) {
    for (const t of theirs) {
      if (!mayBeSimilar({ dateOfBirth: m.date_of_birth }, { dateOfBirth: t.date_of_birth })) continue;
      const similarity = identitySimilarity(profile(m), profile(t));
      if (similarity.score >= SIMILAR_IDENTITY_THRESHOLD && (best === null || similarity.score > best.similarity.score)) best = { mine: m, theirs: t, similarity };
    }
  }
  return best;
}
