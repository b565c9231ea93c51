import { commitmentOf, entrantsHashOf, rankEntrants, SEED_HEX, sortIds } from './lottery-algorithm';

/** One claim of a published file checked; `name` and `detail` in Vietnamese, for the citizen or inspector who runs it. */
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
    check('cấu trúc tệp', false, 'không phải kết quả bốc thăm đã công bố: cần có entrants, entrantsHash và commitment');
    return { ok: false, drawn: false, checks };
  }
  const ids = published.entrants.map((e) => (isObject(e) && isString(e.applicationId) ? e.applicationId : ''));
  check('người tham gia xếp theo mã hồ sơ, mỗi hồ sơ một lần', ids.every((id) => id !== '') && sortIds([...new Set(ids)]).join('\n') === ids.join('\n'), `${ids.length} người tham gia`);
  const hash = entrantsHashOf(ids);
  check('entrantsHash', hash === published.entrantsHash, `SHA-256 của các mã hồ sơ nối bằng "\\n" = ${hash}`);

  const { seed, beacon, ranking } = published;
  const drawn = seed !== undefined || ranking !== undefined;
  if (!drawn) return { ok: checks.every((c) => c.ok), drawn, checks };
  if (!isString(seed) || !SEED_HEX.test(seed) || !isString(beacon) || !Array.isArray(ranking)) {
    check('kết quả bốc thăm', false, 'lượt bốc thăm đã tiến hành phải có seed (64 chữ số hex), beacon và ranking');
    return { ok: false, drawn, checks };
  }
  const commitment = commitmentOf(seed);
  check('commitment', commitment === published.commitment, `SHA-256 của 32 byte hạt giống (seed) = ${commitment}`);
  const expected = rankEntrants(seed, beacon, ids);
  const firstDiff = expected.findIndex((r, i) => {
    const p: unknown = ranking[i];
    return !isObject(p) || p.rank !== r.rank || p.applicationId !== r.applicationId || p.score !== r.score;
  });
  const same = firstDiff === -1 && ranking.length === expected.length;
  check(
    'thứ tự (ranking)',
    same,
    same
      ? `đã tính lại ${expected.length} điểm HMAC-SHA256(seed, beacon + "\\n" + mã hồ sơ), theo thứ tự tăng dần`
      : `sai khác từ thứ hạng ${firstDiff === -1 ? expected.length + 1 : firstDiff + 1}: đúng ra là ${JSON.stringify(expected[firstDiff] ?? null)}`,
  );
  return { ok: checks.every((c) => c.ok), drawn, checks };
}
