import { assertProvince } from '../../auth/current-actor.decorator';
import type { EventStore } from '../../event-store/event-store.port';
import { load, type Loaded } from '../../event-store/handle-command';
import type { Actor } from '../../shared/actor';
import { streams } from '../../shared/streams';
import { applicationDecider } from '../domain/application.decider';
import type { ApplicationState, SubmittedApplication } from '../domain/application.state';
import { ApplicationNotFound } from '../domain/applications.errors';

export type BoardApplication = {
  /** The stream as read: decide on it so the append expects the revision the checks saw. */
  loaded: Loaded<ApplicationState>;
  application: SubmittedApplication;
};

/** The application, if it was submitted (404) in the actor's province (403): one read for checks and decision. */
export async function applicationOfBoard(
  store: Pick<EventStore, 'readStream'>,
  applicationId: string,
  actor: Actor,
): Promise<BoardApplication> {
  const loaded = await load(store, streams.application(applicationId), applicationDecider);
  const application = loaded.state;
  if (application.status === 'not-submitted') throw new ApplicationNotFound(applicationId);
  assertProvince(actor, application.provinceCode);
  return { loaded, application };
}
