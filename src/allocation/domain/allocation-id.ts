/**
 * An allocation is named by its unit and the unit stream's revision that records it: unique,
 * stable on replay, and enough to find the unit again from the id alone.
 */
export function allocationIdOf(projectId: string, unitNo: string, revision: number): string {
  return `${projectId}.${unitNo}.r${revision}`;
}

export function parseAllocationId(id: string): { projectId: string; unitNo: string } | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.([A-Za-z0-9][A-Za-z0-9-]{0,31})\.r\d+$/.exec(id);
  return match ? { projectId: match[1], unitNo: match[2] } : undefined;
}
