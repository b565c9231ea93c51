import type { Pool } from 'pg';
import type { RegisteredProject } from '../../allocation/commands/project-of-board';
import { unitDecider } from '../../allocation/domain/unit.decider';
import type { SubmittedApplication } from '../../applications/domain/application.state';
import { applicationDecider } from '../../applications/domain/application.decider';
import type { EventStore } from '../../event-store/event-store.port';
import { loadedFrom } from '../../event-store/handle-command';
import type { ProjectionsService } from '../../projections/projections.service';
import { streams } from '../../shared/streams';

/**
 * Which files a project has: the one question the log cannot answer without a scan, so it is
 * asked of rm_applications once the projections have applied every event written so far (in tests,
 * with projections off, the caller catches up first). Everything decided on them is then read from
 * the log itself; a file the read model missed would be missing from the entrants, and the
 * lottery-integrity detector would say so.
 */
export async function applicationIdsOfProject(pool: Pool, projections: ProjectionsService, projectId: string): Promise<string[]> {
  await projections.awaitCaughtUp();
  const { rows } = await pool.query<{ application_id: string }>('SELECT application_id FROM rm_applications WHERE project_id = $1', [projectId]);
  return rows.map((r) => r.application_id);
}

/** The files as their streams tell them now, each with the revision it was read at. */
export async function filesAsTheyStand(store: Pick<EventStore, 'readStreams'>, applicationIds: readonly string[]) {
  const read = await store.readStreams(applicationIds.map((id) => streams.application(id)));
  return applicationIds.map((applicationId) => {
    const stream = streams.application(applicationId);
    return { applicationId, ...loadedFrom(stream, read.get(stream) ?? [], applicationDecider) };
  });
}

/** "Eligible" decision in force, not withdrawn, and of this project (API.md: who enters a lottery). */
export const isEntrantOf = (projectId: string, state: SubmittedApplication | { status: 'not-submitted' }): state is SubmittedApplication =>
  state.status !== 'not-submitted' && state.projectId === projectId && state.currentlyEligible;

/** The allocations in force on the project's units, read from the unit streams. */
export async function allocationsInForce(store: Pick<EventStore, 'readStreams'>, project: RegisteredProject): Promise<string[]> {
  const unitStreams = [...project.releasedUnitNos].map((unitNo) => streams.unit(project.projectId, unitNo));
  const read = await store.readStreams(unitStreams);
  const ids: string[] = [];
  for (const stream of unitStreams) {
    const { state } = loadedFrom(stream, read.get(stream) ?? [], unitDecider);
    if (state.status !== 'unreleased' && state.allocation) ids.push(state.allocation.allocationId);
  }
  return ids;
}
