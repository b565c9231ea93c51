import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personClaimDecider } from '../../../allocation/domain/person-claim.decider';
import { evaluateEligibility, type EligibilityEvaluation } from '../../../eligibility/domain/evaluate-eligibility';
import type { PolicyCatalogue } from '../../../eligibility/domain/policy-catalogue';
import { POLICY_CATALOGUE } from '../../../eligibility/eligibility.tokens';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { applicationDecider } from '../../domain/application.decider';
import type { SubmittedApplication } from '../../domain/application.state';
import { calendarDay } from '../../../shared/stated-date';
import { applicationOfBoard } from '../application-of-board';
import { claimantsOf, eligibilityFactsOf } from './eligibility-facts';
import { RecordEligibilityDecisionCommand } from './record-eligibility-decision.command';
import type { EligibilityDecisionResponse } from './record-eligibility-decision.request.dto';

/**
 * Records the board's decision beside what the policy version in force on its day says, in one
 * EligibilityDecided event, so every override of the policy is on the record with its justification
 * (detector 6). The decider refuses an unjustified override (409 JUSTIFICATION_REQUIRED).
 */
@CommandHandler(RecordEligibilityDecisionCommand)
export class RecordEligibilityDecisionHandler implements ICommandHandler<RecordEligibilityDecisionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICY_CATALOGUE) private readonly catalogue: PolicyCatalogue,
  ) {}

  async execute({ applicationId, request, actor, idempotencyKey }: RecordEligibilityDecisionCommand): Promise<EligibilityDecisionResponse> {
    const { loaded, application } = await applicationOfBoard(this.store, applicationId, actor);
    const evaluation = await this.evaluate(application, request.decidedAt);
    const { outcome, decisionNo, decidedBy, decidedAt } = request;
    const decision = decide(loaded, applicationDecider, {
      type: 'RecordEligibilityDecision',
      data: {
        applicationId,
        outcome,
        decisionNo,
        decidedBy,
        decidedAt,
        reasons: request.reasons ?? [],
        justification: request.justification ?? null,
        policy: { policyVersion: evaluation.policyVersion, policyOutcome: evaluation.outcome, policyReasons: evaluation.reasons },
        now: this.clock.now().toISOString(),
      },
    });
    await appendDecisions(this.store, [decision], { actor, idempotencyKey });
    return { outcome, policyVersion: evaluation.policyVersion, policyOutcome: evaluation.outcome, reasons: evaluation.reasons };
  }

  /** The policy in force in the project's province on the decision's day in Vietnam, applied to the file as it stands. */
  private async evaluate(application: SubmittedApplication, decidedAt: string): Promise<EligibilityEvaluation> {
    const day = calendarDay(decidedAt);
    const policy = this.catalogue.inForce(application.provinceCode, day);
    return evaluateEligibility(eligibilityFactsOf(application, day, await this.hadBenefit(claimantsOf(application))), policy);
  }

  /**
   * A live claim anywhere, or a purchase made once, per the person streams. They are only read: a
   * benefit granted between this read and the append is caught where it matters, by the allocation's
   * own claim on the person stream.
   */
  private async hadBenefit(citizenIds: string[]): Promise<boolean> {
    const claims = await Promise.all(citizenIds.map((id) => load(this.store, streams.person(id), personClaimDecider)));
    return claims.some(({ state }) => state.live !== null || state.boughtWith !== null);
  }
}
