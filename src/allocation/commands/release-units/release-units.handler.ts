import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, decideOn } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { projectDecider, type ReleaseUnits } from '../../domain/project.decider';
import { unitDecider } from '../../domain/unit.decider';
import type { UnitSpec } from '../../domain/unit.events';
import { ReleaseUnitsCommand } from './release-units.command';
import type { ReleasedResponse } from './release-units.request.dto';

@CommandHandler(ReleaseUnitsCommand)
export class ReleaseUnitsHandler implements ICommandHandler<ReleaseUnitsCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, request, actor, idempotencyKey }: ReleaseUnitsCommand): Promise<ReleasedResponse> {
    const now = this.clock.now().toISOString();
    // Plain specs, not DTO instances: the event payload is our contract, not the HTTP shape.
    const units: UnitSpec[] = request.units.map(({ unitNo, floorAreaM2, tenure, priceVnd }) => ({ unitNo, floorAreaM2, tenure, priceVnd }));
    const project = await decideOn(this.store, streams.project(projectId), projectDecider, (state): ReleaseUnits => {
      // Only a registered project has a province; an unknown one is the decider's 404.
      if (state.status === 'registered') assertProvince(actor, state.provinceCode);
      return { type: 'ReleaseUnits', data: { projectId, units, now } };
    });
    // A unit not yet released has no stream. Rather than read up to 2000 empty streams, each unit is
    // decided on an empty one and appended expecting no_stream: the store refuses (409) a unit whose
    // stream exists, and the project's expected revision serialises concurrent releases.
    const released = units.map((unit) =>
      decide({ stream: streams.unit(projectId, unit.unitNo), state: unitDecider.initialState(), expectedRevision: 'no_stream' }, unitDecider, {
        type: 'ReleaseUnit',
        data: { ...unit, projectId, now },
      }),
    );
    // One appendMany: the batch and every unit stream are written together or not at all.
    await appendDecisions(this.store, [project.append, ...released], { actor, idempotencyKey });
    return { released: units.length };
  }
}
