import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { applicationDecider } from '../../../applications/domain/application.decider';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { AllocationNotFound, AllocationNotInForce } from '../../domain/allocation.errors';
import { parseAllocationId } from '../../domain/allocation-id';
import { personClaimDecider } from '../../domain/person-claim.decider';
import { unitDecider } from '../../domain/unit.decider';
import { projectOfBoard } from '../project-of-board';
import { RevokeAllocationCommand } from './revoke-allocation.command';

/**
 * Revokes an allocation before handover and, atomically with it, frees the citizen's benefit claim
 * and the application (its mirror of the revocation: the file may be allocated again or withdrawn).
 */
@CommandHandler(RevokeAllocationCommand)
export class RevokeAllocationHandler implements ICommandHandler<RevokeAllocationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ allocationId, request, actor, idempotencyKey }: RevokeAllocationCommand): Promise<void> {
    const ref = parseAllocationId(allocationId);
    if (!ref) throw new AllocationNotFound(allocationId);
    await projectOfBoard(this.store, ref.projectId, actor);
    const now = this.clock.now().toISOString();
    const unit = await load(this.store, streams.unit(ref.projectId, ref.unitNo), unitDecider);
    const revoked = decide(unit, unitDecider, { type: 'RevokeAllocation', data: { ...ref, allocationId, reason: request.reason, decisionNo: request.decisionNo, now } });
    const held = unit.state.status === 'unreleased' ? null : unit.state.allocation;
    if (!held) throw new AllocationNotInForce(ref.projectId, ref.unitNo, allocationId);
    const { citizenId, applicationId } = held;
    const application = await load(this.store, streams.application(applicationId), applicationDecider);
    const freed = decide(application, applicationDecider, {
      type: 'RecordRevocation',
      data: { applicationId, allocationId, projectId: ref.projectId, unitNo: ref.unitNo, now },
    });
    const person = await load(this.store, streams.person(citizenId), personClaimDecider);
    const released = decide(person, personClaimDecider, {
      type: 'ReleaseBenefit',
      data: { citizenId, claimId: allocationId, reason: 'allocation-revoked', now },
    });
    await appendDecisions(this.store, [revoked, freed, released], { actor, idempotencyKey });
  }
}
