import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { currentProvince } from '../../../src/shared/identity/province-mergers';
import { calendarDay, statedBefore } from '../../../src/shared/stated-date';
import type { Detector, FindingDraft } from './sql-detector';
import { datedBeforeApplicationSummary, recordedLateSummary } from '../../../projections/detectors/summaries/backdating.summary';

/**
 * A decision entered more than this many days after the date it states is "recorded long after"
 * (DESIGN.md detector 11). Thirty days is about one monthly reporting cycle of a provincial board:
 * a paper decision should reach the ledger within it, and a longer gap is how a decision gets
 * dated to fit a deadline or a policy version. Day 30 itself is still in time.
 */
export const MAX_RECORDING_LAG_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Whole Vietnamese calendar days from the stated date to the day it was recorded. */
export function recordingLagDays(statedAt: string, recordedAt: string): number {
  return Math.round((Date.parse(calendarDay(recordedAt)) - Date.parse(calendarDay(statedAt))) / DAY_MS);
}

/** One dated record of a file: an eligibility decision, or an allocation of a unit to it. */
interface DatedRecord {
  eventId: string;
  stream?: string;
  decisionNo: string;
  decidedBy: string;
  decidedAt: string;
  recordedAt: string;
  recordedBy: string;
  allocationId?: string;
}

interface DatedFile {
  province_code: string;
  citizen_id: string;
  submitted_at: string;
  submitted_event_id: string;
  recorded_at: Date;
  migrated_from: string | null;
  decision_history: DatedRecord[];
  allocation_history: DatedRecord[];
}

/**
 * A migrated file's decisions stated on or before the day it was migrated came from the paper
 * register with it (`--historical`): entered late by nature, so the recorded-late rule is not
 * theirs. A decision stated after the migration, and every decision on a file received through
 * the normal path, is judged as always; dated-before-application applies to every file.
 */
export function migratedHistory(file: { migrated_from: string | null; recorded_at: string | Date }, decidedAt: string): boolean {
  if (file.migrated_from === null) return false;
  const migratedOn = calendarDay(file.recorded_at instanceof Date ? file.recorded_at.toISOString() : file.recorded_at);
  return calendarDay(decidedAt) <= migratedOn;
}

/**
 * Detector 11: a decision (eligibility, or the allocation of a unit) dated before the application it
 * decides, or recorded more than MAX_RECORDING_LAG_DAYS after the date it states. Key: the
 * application. The records are history, so these findings never close by themselves: a later,
 * properly dated decision does not un-date the first one; an inspector's review settles them.
 */
export const backdating: Detector = {
  name: 'backdating',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    if (event.type === 'EligibilityDecided') return Promise.resolve([event.data.applicationId as string]);
    // The unit stream's allocation carries the dates; the application's mirror only refers to it.
    if (event.type === 'UnitAllocated' && event.stream.startsWith('unit-')) return Promise.resolve([event.data.applicationId as string]);
    return Promise.resolve([]);
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const file = (await tx.query<DatedFile[]>(
      `SELECT province_code, citizen_id, submitted_at, submitted_event_id, recorded_at, migrated_from, decision_history, allocation_history
       FROM rm_applications WHERE application_id = $1`,
      [applicationId],
    )).at(0);
    if (!file) return [];
    const fileStream = `application-${applicationId}`;
    const records = [
      ...file.decision_history.map((r) => ({ ...r, kind: 'eligibility', stream: fileStream })),
      ...file.allocation_history.map((r) => ({ ...r, kind: 'allocation', stream: r.stream ?? fileStream })),
    ];
    const common = { provinceCode: currentProvince(file.province_code), citizenIds: [file.citizen_id] };
    const drafts: FindingDraft[] = [];
    for (const r of records) {
      const facts = { kind: r.kind, decisionNo: r.decisionNo, decidedBy: r.decidedBy, decidedAt: r.decidedAt, recordedAt: r.recordedAt,
        recordedBy: r.recordedBy, ...(r.allocationId ? { allocationId: r.allocationId } : {}) };
      if (statedBefore(r.decidedAt, file.submitted_at)) {
        drafts.push({
          ...common,
          discriminator: `dated-before-application:${r.eventId}`,
          // A decision cannot precede the file it decides: the date or the file is false.
          severity: 'high',
          evidence: [{ eventId: file.submitted_event_id, stream: fileStream }, { eventId: r.eventId, stream: r.stream }],
          summary: datedBeforeApplicationSummary({ kind: r.kind, decisionNo: r.decisionNo, applicationId, decidedAt: r.decidedAt, submittedAt: file.submitted_at }),
          details: { rule: 'dated-before-application', ...facts, submittedAt: file.submitted_at },
        });
      }
      const lagDays = recordingLagDays(r.decidedAt, r.recordedAt);
      if (lagDays > MAX_RECORDING_LAG_DAYS && !migratedHistory(file, r.decidedAt)) {
        drafts.push({
          ...common,
          discriminator: `recorded-late:${r.eventId}`,
          // Late entry of a genuine paper decision happens; inspectors weigh it with the other findings.
          severity: 'medium',
          evidence: [{ eventId: r.eventId, stream: r.stream }],
          summary: recordedLateSummary({ kind: r.kind, decisionNo: r.decisionNo, applicationId, decidedOn: calendarDay(r.decidedAt), recordedOn: calendarDay(r.recordedAt), lagDays, limitDays: MAX_RECORDING_LAG_DAYS }),
          details: { rule: 'recorded-late', ...facts, lagDays, maxLagDays: MAX_RECORDING_LAG_DAYS },
        });
      }
    }
    return drafts;
  },
};
