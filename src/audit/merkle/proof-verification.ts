import { hashChildren } from './merkle-hash';

/*
 * RFC 9162 §2.1.3.2 and §2.1.4.2, as written there. These are what an outsider runs (offline
 * evidence bundles, witnesses), so they take nothing from our database. Sizes stay below 2^53:
 * halving is done with Math.floor, never with 32-bit shifts.
 */

const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** The root an audit path leads to from a leaf hash, or undefined when the path cannot be one for this index and size. */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Buffer, path: Buffer[]): Buffer | undefined {
  if (leafIndex < 0 || leafIndex >= treeSize) return undefined;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Buffer, path: Buffer[], root: Buffer): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, path);
  return computed !== undefined && computed.equals(root);
}

/** True when the tree of size `second` with root `secondRoot` extends the one of size `first` with `firstRoot`. */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: Buffer[]): boolean {
  if (first < 0 || second < first) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
