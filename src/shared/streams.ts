/** Stream names of DESIGN.md "Streams and events": the contract, never renamed. */
export const streams = {
  project: (projectId: string) => `project-${projectId}`,
  unit: (projectId: string, unitNo: string) => `unit-${projectId}.${unitNo}`,
  application: (applicationId: string) => `application-${applicationId}`,
  person: (citizenId: string) => `person-${citizenId}`,
  landFund: (commercialProjectId: string) => `landfund-${commercialProjectId}`,
  programme: (provinceCode: string) => `programme-${provinceCode}`,
  /** Refused allocation attempts of a project: inspectors look for repeated ones. */
  allocationAttempts: (projectId: string) => `allocation-attempts-${projectId}`,
  /** Every lottery (bốc thăm) of a project, so one open lottery at a time is one stream's invariant. */
  lottery: (projectId: string) => `lottery-${projectId}`,
};

/** The kinds of stream, each named by its prefix (the projections tell events apart by it). */
const PREFIXES = {
  project: 'project-',
  unit: 'unit-',
  application: 'application-',
  person: 'person-',
  landfund: 'landfund-',
  programme: 'programme-',
  'allocation-attempts': 'allocation-attempts-',
  lottery: 'lottery-',
  finding: 'finding-',
  'personal-data': 'audit-reads-',
} as const;
export type StreamKind = keyof typeof PREFIXES;
const KINDS = Object.entries(PREFIXES) as [StreamKind, string][];

/** The kind of a stream by its prefix, or null for a stream of no known kind. */
export function streamKindOf(stream: string): StreamKind | null {
  for (const [kind, prefix] of KINDS) if (stream.startsWith(prefix)) return kind;
  return null;
}
