import { checkpointDue } from './checkpoint-due';

const at = new Date('2026-03-01T08:00:00Z');
const later = (s: number) => new Date(at.getTime() + s * 1000);

describe('checkpointDue', () => {
  it('signs once CHECKPOINT_EVERY events have come since the last checkpoint', () => {
    expect(checkpointDue({ size: 1100, lastContentLeaf: 1099 }, { treeSize: 100, at }, 1000, 60, later(1))).toBe(true);
    expect(checkpointDue({ size: 1099, lastContentLeaf: 1098 }, { treeSize: 100, at }, 1000, 60, later(1))).toBe(false);
  });

  it('signs after CHECKPOINT_SECONDS when there is anything new', () => {
    expect(checkpointDue({ size: 101, lastContentLeaf: 100 }, { treeSize: 100, at }, 1000, 60, later(60))).toBe(true);
    expect(checkpointDue({ size: 101, lastContentLeaf: 100 }, { treeSize: 100, at }, 1000, 60, later(59))).toBe(false);
  });

  it('never signs a tree whose only new leaves are checkpoints', () => {
    expect(checkpointDue({ size: 101, lastContentLeaf: 99 }, { treeSize: 100, at }, 1000, 60, later(600))).toBe(false);
  });

  it('never signs a tree that has not grown', () => {
    expect(checkpointDue({ size: 100, lastContentLeaf: 99 }, { treeSize: 100, at }, 1, 1, later(600))).toBe(false);
  });
});
