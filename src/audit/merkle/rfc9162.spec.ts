import { createHash } from 'node:crypto';
import { hashChildren, hashLeaf } from './merkle-hash';
import { MerkleFrontier } from './merkle-frontier';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proof-verification';
import { consistencyRanges, inclusionRanges, type LeafRange, rangeNodes } from './tree-ranges';

/*
 * An independent, deliberately plain implementation of RFC 9162 §2.1: MTH, PATH, PROOF and
 * SUBPROOF exactly as the RFC defines them, on lists. Ours (planned ranges folded from perfect
 * subtrees, the iterative verifiers) must agree with it everywhere.
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const k = (n: number) => { let p = 1; while (p * 2 < n) p *= 2; return p; };

/** D[lo:hi] of `d`, as the RFC's list slices; MTH is memoised only so 1,000 sizes run in seconds. */
function rfc(d: Buffer[]) {
  const memo = new Map<string, Buffer>();
  const MTH = (lo: number, hi: number): Buffer => {
    const key = `${lo}:${hi}`;
    const known = memo.get(key);
    if (known) return known;
    const n = hi - lo;
    const h = n === 0 ? sha() : n === 1 ? sha(Buffer.from([0]), d[lo]) : sha(Buffer.from([1]), MTH(lo, lo + k(n)), MTH(lo + k(n), hi));
    memo.set(key, h);
    return h;
  };
  const PATH = (m: number, lo: number, hi: number): Buffer[] => {
    if (hi - lo <= 1) return [];
    const s = k(hi - lo);
    return m < s ? [...PATH(m, lo, lo + s), MTH(lo + s, hi)] : [...PATH(m - s, lo + s, hi), MTH(lo, lo + s)];
  };
  const SUBPROOF = (m: number, lo: number, hi: number, b: boolean): Buffer[] => {
    if (m === hi - lo) return b ? [] : [MTH(lo, hi)];
    const s = k(hi - lo);
    return m <= s ? [...SUBPROOF(m, lo, lo + s, b), MTH(lo + s, hi)] : [...SUBPROOF(m - s, lo + s, hi, false), MTH(lo, lo + s)];
  };
  return { MTH: (n: number) => MTH(0, n), PATH: (m: number, n: number) => PATH(m, 0, n), PROOF: (m: number, n: number) => SUBPROOF(m, 0, n, true) };
}

/** Ours: each range's hash as the fold of its perfect subtrees, those computed bottom-up from the leaf hashes. */
function perfectTree(leaves: Buffer[]) {
  const levels: Buffer[][] = [leaves.map(hashLeaf)];
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1];
    const above: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(hashChildren(below[i], below[i + 1]));
    levels.push(above);
  }
  return (range: LeafRange): Buffer => {
    const hashes = rangeNodes(range).map(({ level, index }) => levels[level][index]);
    return hashes.reduceRight((right, left) => hashChildren(left, right));
  };
}

const hex = (hs: Buffer[]) => hs.map((h) => h.toString('hex'));
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => sha(Buffer.from(`event ${i}`)));

// RFC 6962 test data, as published with transparency-dev/merkle and Certificate Transparency.
const VECTOR_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const VECTOR_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const VECTOR_INCLUSION = [
  { index: 0, size: 8, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 1, size: 5, path: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];
const VECTOR_CONSISTENCY = [
  { from: 1, to: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { from: 6, to: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];

describe('RFC 9162 Merkle tree', () => {
  it('gives the published RFC 6962 roots, audit paths and consistency proofs', () => {
    const range = perfectTree(VECTOR_LEAVES);
    for (let n = 1; n <= 8; n += 1) expect(range({ start: 0, end: n }).toString('hex')).toBe(VECTOR_ROOTS[n]);
    for (const { index, size, path } of VECTOR_INCLUSION) {
      expect(hex(inclusionRanges(index, 0, size).map(range))).toEqual(path);
      expect(verifyInclusion(index, size, hashLeaf(VECTOR_LEAVES[index]), path.map((h) => Buffer.from(h, 'hex')), Buffer.from(VECTOR_ROOTS[size], 'hex'))).toBe(true);
    }
    for (const { from, to, proof } of VECTOR_CONSISTENCY) {
      expect(hex(consistencyRanges(from, to).map(range))).toEqual(proof);
      expect(verifyConsistency(from, to, Buffer.from(VECTOR_ROOTS[from], 'hex'), Buffer.from(VECTOR_ROOTS[to], 'hex'), proof.map((h) => Buffer.from(h, 'hex')))).toBe(true);
    }
  });

  it('agrees with MTH and PATH for every leaf of every tree size from 1 to 1,000, and its verifier accepts them', () => {
    const leaves = leavesOf(1000);
    const range = perfectTree(leaves);
    const { MTH, PATH } = rfc(leaves);
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= 1000; n += 1) {
      frontier.add(hashLeaf(leaves[n - 1]));
      const root = MTH(n);
      expect(range({ start: 0, end: n }).equals(root)).toBe(true);
      expect(frontier.root().equals(root)).toBe(true);
      // Every leaf up to 200 leaves; above, every leaf of every 50th size and around the powers of two (runtime).
      if (n > 200 && n % 50 !== 0 && ![255, 256, 257, 511, 512, 513, 999].includes(n)) continue;
      for (let m = 0; m < n; m += 1) {
        const ours = inclusionRanges(m, 0, n).map(range);
        expect(hex(ours)).toEqual(hex(PATH(m, n)));
        expect(rootFromInclusionProof(m, n, hashLeaf(leaves[m]), ours)?.equals(root)).toBe(true);
      }
    }
  });

  it('takes aligned blocks of leaves as their subtree roots, giving every root that leaf-by-leaf adding gives, and refuses a block out of line', () => {
    const leaves = leavesOf(300);
    const range = perfectTree(leaves);
    const { MTH } = rfc(leaves);
    const frontier = new MerkleFrontier();
    // Blocks of 1, 2, 4, 8 and 16 leaves in turn, each at a multiple of its size: 0, 1, 2, 4, 8, 16, 32, …
    while (frontier.size < 300) {
      let level = 0;
      while (level < 4 && frontier.size % 2 ** (level + 1) === 0 && frontier.size + 2 ** (level + 1) <= 300) level += 1;
      frontier.addSubtree(level, range({ start: frontier.size, end: frontier.size + 2 ** level }));
      expect(frontier.root().equals(MTH(frontier.size))).toBe(true);
    }
    expect(frontier.size).toBe(300);
    const odd = new MerkleFrontier();
    odd.add(hashLeaf(leaves[0]));
    expect(() => {
      odd.addSubtree(1, range({ start: 1, end: 3 }));
    }).toThrow(/cannot start at leaf 1/);
  });

  it('agrees with PROOF for every pair of sizes up to 120 and samples up to 1,000, and its verifier accepts them', () => {
    const leaves = leavesOf(1000);
    const range = perfectTree(leaves);
    const { PROOF } = rfc(leaves);
    const roots = [Buffer.alloc(0), ...Array.from({ length: 1000 }, (_, i) => range({ start: 0, end: i + 1 }))];
    const pairs: [number, number][] = [];
    for (let n = 1; n <= 120; n += 1) for (let m = 1; m <= n; m += 1) pairs.push([m, n]);
    for (let i = 0; i < 1000; i += 1) {
      const n = 121 + ((i * 7919) % 880);
      pairs.push([1 + ((i * 104729) % n), n]);
    }
    for (const [m, n] of pairs) {
      const ours = consistencyRanges(m, n).map(range);
      expect(hex(ours)).toEqual(hex(m === n ? [] : PROOF(m, n)));
      expect(verifyConsistency(m, n, roots[m], roots[n], ours)).toBe(true);
    }
  });

  it('rejects a proof with one hash changed, a wrong index or a wrong size', () => {
    const leaves = leavesOf(300);
    const range = perfectTree(leaves);
    const root = range({ start: 0, end: 300 });
    const path = inclusionRanges(77, 0, 300).map(range);
    const bent = path.map((h, i) => (i === 2 ? sha(h) : h));
    expect(verifyInclusion(77, 300, hashLeaf(leaves[77]), bent, root)).toBe(false);
    expect(verifyInclusion(78, 300, hashLeaf(leaves[77]), path, root)).toBe(false);
    expect(verifyInclusion(77, 300, hashLeaf(leaves[77]), path.slice(1), root)).toBe(false);
    const proof = consistencyRanges(100, 300).map(range);
    expect(verifyConsistency(100, 300, range({ start: 0, end: 100 }), root, proof.map((h, i) => (i === 1 ? sha(h) : h)))).toBe(false);
    expect(verifyConsistency(100, 300, range({ start: 0, end: 99 }), root, proof)).toBe(false);
  });
});
