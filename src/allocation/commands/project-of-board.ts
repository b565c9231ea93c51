import type { EventStore } from '../../event-store/event-store.port';
import { load } from '../../event-store/handle-command';
import { assertProvince } from '../../auth/current-actor.decorator';
import type { Actor } from '../../shared/actor';
import { streams } from '../../shared/streams';
import { ProjectNotFound } from '../domain/allocation.errors';
import { projectDecider, type ProjectState } from '../domain/project.decider';

export type RegisteredProject = Extract<ProjectState, { status: 'registered' }>;

/** The project, if it exists (404) and belongs to the actor's province (403). */
export async function projectOfBoard(store: Pick<EventStore, 'readStream'>, projectId: string, actor: Actor): Promise<RegisteredProject> {
  const { state } = await load(store, streams.project(projectId), projectDecider);
  if (state.status === 'unregistered') throw new ProjectNotFound(projectId);
  assertProvince(actor, state.provinceCode);
  return state;
}
