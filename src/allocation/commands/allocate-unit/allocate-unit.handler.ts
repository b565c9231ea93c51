import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { applicationDecider } from '../../../applications/domain/application.decider';
import type { ApplicationState } from '../../../applications/domain/application.state';
import { ApplicationNotFound } from '../../../applications/domain/applications.errors';
import { EVENT_STORE, type EventStore, type StreamAppend } from '../../../event-store/event-store.port';
import { decide, handleDecisions, load } from '../../../event-store/handle-command';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/domain-error';
import { streams } from '../../../shared/streams';
import type { AllocationRefused } from '../../domain/allocation-attempt.events';
import { allocationIdOf } from '../../domain/allocation-id';
import { personClaimDecider } from '../../domain/person-claim.decider';
import { type ApplicationFacts, unitDecider } from '../../domain/unit.decider';
import { projectOfBoard } from '../project-of-board';
import { AllocateUnitCommand } from './allocate-unit.command';
import type { AllocateUnitRequest } from './allocate-unit.request.dto';

/** Losing a race is retried on fresh state, so the loser hears the business reason (e.g. UNIT_ALREADY_ALLOCATED). */
const RETRIES_ON_CONFLICT = 4;

/**
 * The gate of the ledger: the unit, the application's mirror and the citizen's benefit claim are
 * decided on what each stream says now and appended together, or not at all. A unit is allocated
 * once; a citizen holds one benefit in the whole country (Housing Law Art. 88(6)–(7)).
 */
@CommandHandler(AllocateUnitCommand)
export class AllocateUnitHandler implements ICommandHandler<AllocateUnitCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, actor, idempotencyKey }: AllocateUnitCommand): Promise<{ id: string }> {
    const project = await projectOfBoard(this.store, request.projectId, actor);
    const attempt = { citizenId: null as string | null };
    try {
      return await handleDecisions(this.store, () => this.decide(request, project.provinceCode, attempt), {
        actor,
        idempotencyKey,
        retriesOnConflict: RETRIES_ON_CONFLICT,
      });
    } catch (error) {
      // Only a business refusal is a fact for inspectors: a lost race or a write the log refused
      // (EventStoreError) says nothing about the applicant, the unit or the officer.
      if (error instanceof DomainError) await this.recordRefusal(request, actor, attempt.citizenId, error);
      throw error;
    }
  }

  private async decide(
    request: AllocateUnitRequest,
    provinceCode: string,
    attempt: { citizenId: string | null },
  ): Promise<{ appends: StreamAppend[]; result: { id: string } }> {
    const { applicationId, projectId, unitNo, decisionNo, decidedBy, decidedAt } = request;
    const now = this.clock.now().toISOString();
    const application = await load(this.store, streams.application(applicationId), applicationDecider);
    const facts = factsOf(application.state, applicationId);
    attempt.citizenId = facts.citizenId;

    const unit = await load(this.store, streams.unit(projectId, unitNo), unitDecider);
    const allocationId = allocationIdOf(projectId, unitNo, typeof unit.expectedRevision === 'number' ? unit.expectedRevision + 1 : 0);
    const person = await load(this.store, streams.person(facts.citizenId), personClaimDecider);
    const appends = [
      decide(unit, unitDecider, {
        type: 'AllocateUnit',
        data: { projectId, unitNo, allocationId, application: facts, decisionNo, decidedBy, decidedAt, now },
      }),
      decide(application, applicationDecider, { type: 'RecordAllocation', data: { applicationId, allocationId, projectId, unitNo, now } }),
      decide(person, personClaimDecider, {
        type: 'ClaimBenefit',
        data: { citizenId: facts.citizenId, claimId: allocationId, applicationId, projectId, unitNo, provinceCode, tenure: facts.tenure, now },
      }),
    ];
    return { appends, result: { id: allocationId } };
  }

  private async recordRefusal(request: AllocateUnitRequest, actor: Actor, citizenId: string | null, error: DomainError): Promise<void> {
    const refused: AllocationRefused = {
      type: 'AllocationRefused',
      data: {
        projectId: request.projectId,
        unitNo: request.unitNo,
        applicationId: request.applicationId,
        citizenId,
        code: error.code,
        reason: error.message,
        attemptedAt: this.clock.now().toISOString(),
      },
    };
    await this.store.append(streams.allocationAttempts(request.projectId), [refused], { expectedRevision: 'any', actor });
  }
}

function factsOf(state: ApplicationState, applicationId: string): ApplicationFacts {
  if (state.status === 'not-submitted') throw new ApplicationNotFound(applicationId);
  return {
    applicationId,
    citizenId: state.citizenId,
    projectId: state.projectId,
    tenure: state.tenure,
    withdrawn: state.status === 'withdrawn',
    eligibleDecisionNo: state.currentlyEligible && state.decisionInForce ? state.decisionInForce.decisionNo : null,
  };
}
