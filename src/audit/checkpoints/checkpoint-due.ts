export interface TreeNow {
  size: number;
  /** The last leaf that is not a checkpoint's own event (−1: none). */
  lastContentLeaf: number;
}

export interface LastCheckpoint {
  treeSize: number;
  /** When it was signed, or when the checkpointer started if there is none yet. */
  at: Date;
}

/**
 * Whether to sign the tree as it is now: every `every` events, or after `seconds` when there is
 * anything new. A tree whose only new leaves are earlier checkpoints' events is not signed again,
 * or the checkpointer would sign its own output forever.
 */
export function checkpointDue(tree: TreeNow, last: LastCheckpoint, every: number, seconds: number, now: Date): boolean {
  if (tree.size <= last.treeSize || tree.lastContentLeaf < last.treeSize) return false;
  return tree.size - last.treeSize >= every || now.getTime() - last.at.getTime() >= seconds * 1000;
}
