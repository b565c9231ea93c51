import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type StreamAppend } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { personClaimDecider } from '../../domain/person-claim.decider';
import { unitDecider } from '../../domain/unit.decider';
import { projectOfBoard } from '../project-of-board';
import { TransferUnitCommand } from './transfer-unit.command';

/**
 * Records a transfer as the board reports it, refusing nothing that happened (Art. 89 is judged
 * by the early-resale detector). The seller's benefit ends with it. The buyer's is not claimed:
 * a claim the buyer could not hold would have to refuse the record.
 */
@CommandHandler(TransferUnitCommand)
export class TransferUnitHandler implements ICommandHandler<TransferUnitCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, unitNo, request, actor, idempotencyKey }: TransferUnitCommand): Promise<void> {
    await projectOfBoard(this.store, projectId, actor);
    const { transferredAt, kind, toCitizenId = null, priceVnd = null } = request;
    const unit = await load(this.store, streams.unit(projectId, unitNo), unitDecider);
    const appends: StreamAppend[] = [
      decide(unit, unitDecider, { type: 'TransferUnit', data: { projectId, unitNo, kind, toCitizenId, priceVnd, transferredAt } }),
    ];
    const seller = unit.state.status === 'unreleased' ? null : unit.state.holderCitizenId;
    if (seller) {
      const person = await load(this.store, streams.person(seller), personClaimDecider);
      const live = person.state.live;
      if (live && live.projectId === projectId && live.unitNo === unitNo) {
        appends.push(
          decide(person, personClaimDecider, {
            type: 'ReleaseBenefit',
            data: { citizenId: seller, claimId: live.claimId, reason: kind, now: this.clock.now().toISOString() },
          }),
        );
      }
    }
    await appendDecisions(this.store, appends, { actor, idempotencyKey });
  }
}
