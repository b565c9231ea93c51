import { commitmentOf, entrantsHashOf, rankEntrants, SEED_HEX, sortIds } from './lottery-algorithm';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LotteryReplay {
  ok: boolean;
  drawn: boolean;
  checks: Check[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Recomputes a lottery from its published JSON (GET /public/lotteries/:id) alone: no database, no
 * service, nothing but the algorithm of API.md. Each check says what it compared, so a citizen can
 * see which claim failed.
 */
export function replayPublishedLottery(published: unknown): LotteryReplay {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  if (!isObject(published) || !Array.isArray(published.entrants) || !isString(published.entrantsHash) || !isString(published.commitment)) {
    check('shape', false, 'not a published lottery: entrants, entrantsHash and commitment are required');
    return { ok: false, drawn: false, checks };
  }
  const ids = published.entrants.map((e) => (isObject(e) && isString(e.applicationId) ? e.applicationId : ''));
  check('entrants sorted by id, each once', ids.every((id) => id !== '') && sortIds([...new Set(ids)]).join('\n') === ids.join('\n'), `${ids.length} entrants`);
  const hash = entrantsHashOf(ids);
  check('entrantsHash', hash === published.entrantsHash, `SHA-256 of the ids joined by "\\n" = ${hash}`);

  const { seed, beacon, ranking } = published;
  const drawn = seed !== undefined || ranking !== undefined;
  if (!drawn) return { ok: checks.every((c) => c.ok), drawn, checks };
  if (!isString(seed) || !SEED_HEX.test(seed) || !isString(beacon) || !Array.isArray(ranking)) {
    check('draw', false, 'a drawn lottery names seed (64 hex digits), beacon and ranking');
    return { ok: false, drawn, checks };
  }
  const commitment = commitmentOf(seed);
  check('commitment', commitment === published.commitment, `SHA-256 of the seed's 32 bytes = ${commitment}`);
  const expected = rankEntrants(seed, beacon, ids);
  const firstDiff = expected.findIndex((r, i) => {
    const p: unknown = ranking[i];
    return !isObject(p) || p.rank !== r.rank || p.applicationId !== r.applicationId || p.score !== r.score;
  });
  const same = firstDiff === -1 && ranking.length === expected.length;
  check(
    'ranking',
    same,
    same
      ? `${expected.length} scores HMAC-SHA256(seed, beacon + "\\n" + id) recomputed, in ascending order`
      : `differs at rank ${firstDiff === -1 ? expected.length + 1 : firstDiff + 1}: expected ${JSON.stringify(expected[firstDiff] ?? null)}`,
  );
  return { ok: checks.every((c) => c.ok), drawn, checks };
}
