/** Streams the inspectorate writes (DESIGN.md "Streams and events"): names are the contract. */
export const inspectionStreams = {
  finding: (findingId: string) => `finding-${findingId}`,
  /** One stream per UTC day keeps each stream short and a day's reads one read away. */
  personalDataReads: (at: Date) => `audit-reads-${at.toISOString().slice(0, 10)}`,
};

export const PERSONAL_DATA_READS_PREFIX = 'audit-reads-';
