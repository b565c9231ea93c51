import { projectOfBoard } from '../../allocation/commands/project-of-board';
import { ConcurrencyConflict } from '../../event-store/event-store.errors';
import type { EventStore, NewStream, StreamAppend } from '../../event-store/event-store.port';
import { decide, loadedFrom } from '../../event-store/handle-command';
import type { Actor } from '../../shared/actor';
import { chunksOf } from '../../shared/chunks';
import { streams } from '../../shared/streams';
import { submissionOf } from '../commands/submit-application/submit-application.handler';
import type { SubmitApplicationRequest } from '../commands/submit-application/submit-application.request.dto';
import { applicationDecider } from '../domain/application.decider';
import { ApplicationAlreadySubmitted } from '../domain/applications.errors';
import type { ApplicationState } from '../domain/application.state';
import { APPLICATIONS_SHEET, MEMBERS_SHEET } from './intake-columns';
import { intakeRows } from './intake-rows';
import { readSpreadsheet } from './read-spreadsheet';
import { type RejectedRow, rejectedRow, wholeRow } from './rejected-row';
import { validateRow } from './row-validation';

export interface IntakeOptions {
  projectId: string;
  /** The officer who received the files (`receivedBy`). */
  officer: string;
  /** The paper register the files are migrated from (`--historical SOURCE`). */
  historical?: string;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
  /** Rows decided and appended together: one read and one transaction per batch. */
  batchRows?: number;
}

/** API.md "Bulk intake": `accepted` rows were written now; `alreadyImported` ones were written by an earlier import of the same rows. */
export interface IntakeReport {
  accepted: number;
  alreadyImported: number;
  rejected: RejectedRow[];
}

interface Good {
  row: number;
  request: SubmitApplicationRequest;
}

/**
 * Batches written at once: while the database commits one, it already executes the next, and Node
 * reads and validates the one after (measured at 30,000 rows: see bench/import.bench.ts).
 */
const WRITES_IN_FLIGHT = 2;

/**
 * Submits every good row of a spreadsheet exactly as `POST /applications` would (the same DTO,
 * the same decider), and reports every bad row with all its reasons; nothing of a bad row is
 * written. Idempotent per row: a file whose id is already submitted, to this project for this
 * applicant, is counted as already imported and written again by nothing.
 */
export async function importApplications(store: EventStore, bytes: Buffer, options: IntakeOptions): Promise<IntakeReport> {
  const { projectId, officer, historical, actor, onProgress, batchRows = 1000 } = options;
  const project = await projectOfBoard(store, projectId, actor);
  const book = await readSpreadsheet(bytes);
  const intake = intakeRows(book, projectId, officer);
  const rejected: RejectedRow[] = [];
  const report: IntakeReport = { accepted: 0, alreadyImported: 0, rejected };
  const firstRowOf = new Map<string, number>();
  let done = 0;
  // Batches never share an id (a repeated id is rejected below), so they may be written in any order, and at once.
  const writing: Promise<void>[] = [];
  try {
    for (const rows of chunksOf(intake.rows, batchRows)) {
      const good: Good[] = [];
      for (const row of rows) {
        const { request, problems } = await validateRow(row);
        const earlier = row.id === '' ? undefined : firstRowOf.get(row.id);
        if (earlier !== undefined) {
          problems.push({ path: 'id', vi: `trùng với dòng ${earlier} trong cùng tệp`, en: `repeats the id of row ${earlier} of the same file` });
        } else if (row.id !== '') firstRowOf.set(row.id, row.row);
        if (request && problems.length === 0) good.push({ row: row.row, request });
        else rejected.push(rejectedRow(APPLICATIONS_SHEET, row.row, problems, row.memberRows));
      }
      if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
      const write = writeBatch(store, good, project.provinceCode, historical, actor, report).then(() => {
        done += rows.length;
        onProgress?.(done, intake.total);
      });
      write.catch(() => undefined);
      writing.push(write);
      // pg sends a pooled query on the next tick, which waits until the microtasks drain: without this
      // yield the batch would go out only once the next one is validated, and the two never overlap.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(writing);
  } finally {
    // A failed write ends the import, but not before the other one in flight has settled.
    await Promise.allSettled(writing);
  }
  rejected.push(...intake.strayMembers().map((m) => wholeRow(MEMBERS_SHEET, m.row, m.problem)));
  rejected.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === APPLICATIONS_SHEET ? -1 : 1));
  return report;
}

/**
 * Decides every good row of a batch as a new file, on an empty stream, and creates their streams
 * in one call: the store writes a row only if its stream is indeed new ('no_stream'), which spares
 * a read of a thousand streams that, in a first import, do not exist. The rows whose stream
 * exists (a re-import, an id already used) are then read and decided on what they hold.
 */
async function writeBatch(store: EventStore, good: Good[], provinceCode: string, historical: string | undefined, actor: Actor, report: IntakeReport): Promise<void> {
  if (good.length === 0) return;
  const fresh: NewStream[] = [];
  for (const g of good) {
    const decided = decideRow(g, [], provinceCode, historical, report);
    // On an empty stream a submission is exactly one event (application.decider.ts).
    if (decided?.events.length !== 1) throw new Error(`a new file ${g.request.id as string} was not decided as one ApplicationSubmitted`);
    fresh.push({ stream: decided.stream, event: decided.events[0] });
  }
  const { events, existing } = await store.appendNewStreams(fresh, { actor });
  report.accepted += events.length;
  const taken = new Set(existing);
  await writeOnExisting(store, good.filter((g) => taken.has(streams.application(g.request.id as string))), provinceCode, historical, actor, report);
}

/** Rows whose stream already holds events: decided on the stream as read, appended in one transaction. */
async function writeOnExisting(store: EventStore, good: Good[], provinceCode: string, historical: string | undefined, actor: Actor, report: IntakeReport): Promise<void> {
  if (good.length === 0) return;
  const past = await store.readStreams(good.map((g) => streams.application(g.request.id as string)));
  const appends: StreamAppend[] = [];
  for (const g of good) {
    const decided = decideRow(g, past.get(streams.application(g.request.id as string)) ?? [], provinceCode, historical, report);
    if (decided) appends.push(decided);
  }
  if (appends.length === 0) return;
  try {
    await store.appendMany(appends, { actor });
    report.accepted += appends.length;
  } catch (error) {
    if (!(error instanceof ConcurrencyConflict)) throw error;
    // Another writer took some of these ids meanwhile: each row again, alone, on fresh state.
    for (const g of good.filter((x) => appends.some((a) => a.stream === streams.application(x.request.id as string)))) {
      const fresh = await store.readStream(streams.application(g.request.id as string));
      const append = decideRow(g, fresh, provinceCode, historical, report);
      if (append) {
        await store.appendMany([append], { actor });
        report.accepted += 1;
      }
    }
  }
}

type Past = Parameters<typeof loadedFrom>[1];

function decideRow(g: Good, past: Past, provinceCode: string, historical: string | undefined, report: IntakeReport): StreamAppend | undefined {
  const id = g.request.id as string;
  const loaded = loadedFrom(streams.application(id), past, applicationDecider);
  try {
    return decide(loaded, applicationDecider, { type: 'SubmitApplication', data: submissionOf(id, provinceCode, g.request, historical) });
  } catch (error) {
    if (!(error instanceof ApplicationAlreadySubmitted)) throw error;
    if (sameFile(loaded.state, g.request)) report.alreadyImported += 1;
    else
      report.rejected.push(wholeRow(APPLICATIONS_SHEET, g.row, {
        vi: `cột 'Mã hồ sơ': '${id}' đã được dùng cho một hồ sơ khác`,
        en: `id: application ${id} is already submitted for another file`,
      }));
    return undefined;
  }
}

/** The stream already holds this row's file: same project, same applicant. */
function sameFile(state: ApplicationState, request: SubmitApplicationRequest): boolean {
  return state.status !== 'not-submitted' && state.projectId === request.projectId && state.applicant.citizenId === request.applicant.citizenId;
}
