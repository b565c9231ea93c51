/**
 * Which stored subtrees an RFC 9162 root or proof needs. Pure: the proofs are planned here and
 * the nodes fetched in one query, so a proof costs O(log n) rows, whatever the tree's size.
 *
 * A node (level, index) is the perfect subtree over leaves [index·2^level, (index+1)·2^level).
 * Every range the RFC's recursion (MTH, PATH, SUBPROOF) asks for starts at a multiple of the
 * smallest power of two not below its size, so its hash is the right fold of the perfect
 * subtrees given by the binary digits of its size, largest first (`rangeNodes`).
 */
export interface NodeId {
  level: number;
  index: number;
}

/** Leaves [start, end). */
export interface LeafRange {
  start: number;
  end: number;
}

/** The largest power of two strictly below n (n ≥ 2): the RFC's k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The perfect subtrees that make up MTH(D[start:end]), left to right. */
export function rangeNodes({ start, end }: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  let size = end - start;
  let level = 0;
  while (2 ** (level + 1) <= size) level += 1;
  for (; size > 0; level -= 1) {
    const width = 2 ** level;
    if (size >= width) {
      nodes.push({ level, index: at / width });
      at += width;
      size -= width;
    }
  }
  return nodes;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]): the ranges whose hashes form the audit path, leaf side first. */
export function inclusionRanges(m: number, start: number, end: number): LeafRange[] {
  if (end - start <= 1) return [];
  const k = splitPoint(end - start);
  if (m < start + k) return [...inclusionRanges(m, start, start + k), { start: start + k, end }];
  return [...inclusionRanges(m, start + k, end), { start, end: start + k }];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (m <= 0 || m >= n) return [];
  return subproof(m, 0, n, true);
}

function subproof(m: number, start: number, end: number, startsFromOldRoot: boolean): LeafRange[] {
  const n = end - start;
  if (m === n) return startsFromOldRoot ? [] : [{ start, end }];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(m, start, start + k, startsFromOldRoot), { start: start + k, end }];
  return [...subproof(m - k, start + k, end, false), { start, end: start + k }];
}

export function nodeKey({ level, index }: NodeId): string {
  return `${level}:${index}`;
}
