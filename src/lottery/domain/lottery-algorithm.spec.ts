import { commitmentOf, entrantsHashOf, rankEntrants, scoreOf, sortIds } from './lottery-algorithm';

/*
 * Fixed vectors, computed outside this code with OpenSSL 3 and pasted in, so any change of the
 * algorithm (encoding, separator, key, order) fails here. To recompute them:
 *   SEED=8f3c1a5e2b7d90c4e6a1f3b5d7092c4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c
 *   echo -n $SEED | xxd -r -p | openssl dgst -sha256                                   # commitment
 *   printf 'hp-an-dong-hs-0001\n…\nhp-an-dong-hs-0005' | openssl dgst -sha256           # entrantsHash
 *   printf '%s\n%s' "$BEACON" "$ID" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED  # each score
 */
const SEED = '8f3c1a5e2b7d90c4e6a1f3b5d7092c4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c';
const BEACON = 'Giải đặc biệt 2026-12-20: 58213';
const IDS = ['hp-an-dong-hs-0001', 'hp-an-dong-hs-0002', 'hp-an-dong-hs-0003', 'hp-an-dong-hs-0004', 'hp-an-dong-hs-0005'];

describe('lottery algorithm (API.md "Lottery (bốc thăm) anyone can replay") against fixed vectors', () => {
  it('commits to the seed’s 32 bytes with SHA-256', () => {
    expect(commitmentOf(SEED)).toBe('9cf1c36cc2e7e630023bc89219f1e4b75cd9151e7de054fc7705f0c794b97ba6');
    expect(commitmentOf(SEED.toUpperCase())).toBe('9cf1c36cc2e7e630023bc89219f1e4b75cd9151e7de054fc7705f0c794b97ba6');
  });

  it('hashes the entrants’ ids joined by "\\n", with no trailing newline', () => {
    expect(entrantsHashOf(IDS)).toBe('72c17423fcb54a2848dc9e233ec55309efb5490ee965fe98bb71b0a60a1bd6fb');
  });

  it('scores each entrant with HMAC-SHA256(seed bytes, UTF-8 of beacon + "\\n" + id)', () => {
    expect(IDS.map((id) => scoreOf(SEED, BEACON, id))).toEqual([
      '2327c80080196be5af10a618154479255c1877dd73f860013ec06dbaa6bd6748',
      'ff9665d937bab1b053fbdf7cd0b225d0a0a9f4ba1c530d211942a23cb36d30a0',
      'd172394388cf4d1cc20b4be90c2cf9f7a0e1ab2eef197095458b3a366778d3cf',
      'bc7a9d05153e9b7defbfd2b935162c3478fd8b7794b8cb277f843d2bef3de3c6',
      'ac4e26169e5e5a30eeb23f20b9cd315f18c7ac3eebe282c832de7dfe4f9ad32a',
    ]);
  });

  it('ranks by score ascending, rank 1 first', () => {
    expect(rankEntrants(SEED, BEACON, IDS)).toEqual([
      { rank: 1, applicationId: 'hp-an-dong-hs-0001', score: '2327c80080196be5af10a618154479255c1877dd73f860013ec06dbaa6bd6748' },
      { rank: 2, applicationId: 'hp-an-dong-hs-0005', score: 'ac4e26169e5e5a30eeb23f20b9cd315f18c7ac3eebe282c832de7dfe4f9ad32a' },
      { rank: 3, applicationId: 'hp-an-dong-hs-0004', score: 'bc7a9d05153e9b7defbfd2b935162c3478fd8b7794b8cb277f843d2bef3de3c6' },
      { rank: 4, applicationId: 'hp-an-dong-hs-0003', score: 'd172394388cf4d1cc20b4be90c2cf9f7a0e1ab2eef197095458b3a366778d3cf' },
      { rank: 5, applicationId: 'hp-an-dong-hs-0002', score: 'ff9665d937bab1b053fbdf7cd0b225d0a0a9f4ba1c530d211942a23cb36d30a0' },
    ]);
  });

  it('gives the same ranking whatever order the entrants come in', () => {
    expect(rankEntrants(SEED, BEACON, [...IDS].reverse())).toEqual(rankEntrants(SEED, BEACON, IDS));
  });

  it('sorts ids by the bytes of their UTF-8: upper case before lower, shorter prefix first', () => {
    expect(sortIds(['b', 'a-2', 'B', 'a', 'a-10'])).toEqual(['B', 'a', 'a-10', 'a-2', 'b']);
  });

  it('refuses a seed that is not 32 bytes of hex rather than hashing a truncated one', () => {
    expect(() => commitmentOf(SEED.slice(2))).toThrow(RangeError);
    expect(() => scoreOf(`${SEED.slice(2)}zz`, BEACON, IDS[0])).toThrow(RangeError);
  });
});
