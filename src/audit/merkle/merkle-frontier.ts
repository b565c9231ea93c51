import { EMPTY_ROOT, hashChildren } from './merkle-hash';

/**
 * The right edge of a growing tree: one hash per set bit of its size (the perfect subtrees that
 * are still waiting for a right sibling). Adding a leaf is O(1) amortised, the root O(log n):
 * what a verifier that reads the log once needs, without storing the tree.
 */
export class MerkleFrontier {
  /** Perfect subtrees, largest (leftmost) first, with their levels. */
  private readonly stack: { level: number; hash: Buffer }[] = [];
  size = 0;

  add(leafHash: Buffer): void {
    this.addSubtree(0, leafHash);
  }

  /**
   * The 2^level leaves that follow, as the root of their perfect subtree: what adding them one by
   * one would give. The size must be a multiple of 2^level, so they form a node of the tree.
   */
  addSubtree(level: number, hash: Buffer): void {
    const leaves = 2 ** level;
    if (this.size % leaves !== 0) throw new Error(`merkle frontier: a subtree of ${leaves} leaves cannot start at leaf ${this.size}`);
    let node = { level, hash };
    for (let top = this.stack.at(-1); top && top.level === node.level; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { level: node.level + 1, hash: hashChildren(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += leaves;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let root = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) root = hashChildren(this.stack[i].hash, root);
    return root;
  }

  clone(): MerkleFrontier {
    const copy = new MerkleFrontier();
    copy.stack.push(...this.stack);
    copy.size = this.size;
    return copy;
  }
}
