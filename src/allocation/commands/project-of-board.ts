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

/** Per store (a test process opens many): project id → province of its registration. */
const registeredProvinces = new WeakMap<object, Map<string, string>>();

/**
 * The province of a registered project (404 if none, 403 if not the actor's), for commands that
 * need nothing else of it. A project's province is fixed by its registration, an event that can
 * be neither changed nor undone, so once read it is kept: a submission then reads no project stream.
 */
export async function provinceOfBoardProject(store: Pick<EventStore, 'readStream'>, projectId: string, actor: Actor): Promise<string> {
  let known = registeredProvinces.get(store);
  if (!known) registeredProvinces.set(store, (known = new Map<string, string>()));
  let provinceCode = known.get(projectId);
  if (provinceCode === undefined) {
    provinceCode = (await projectOfBoard(store, projectId, actor)).provinceCode;
    known.set(projectId, provinceCode);
  }
  assertProvince(actor, provinceCode);
  return provinceCode;
}
