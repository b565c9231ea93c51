import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decideOn } from '../../../event-store/handle-command';
import { streams } from '../../../shared/streams';
import { landFundDecider, type LandFundCommand } from '../../domain/land-fund.decider';
import { RecordHandoverCommand } from './record-handover.command';
import type { HandoverResponse, RecordHandoverRequest } from './record-handover.request.dto';

/**
 * Money is a payment in lieu; the other forms hand land over. The DTO guarantees the form's
 * measure is present; were it not, the decider refuses the 0 as not a positive whole number.
 */
function toCommand(commercialProjectId: string, { form, areaM2, amountVnd, parcel, handedOverAt }: RecordHandoverRequest): LandFundCommand {
  if (form === 'money') return { type: 'PayInLieu', data: { commercialProjectId, amountVnd: amountVnd ?? 0, paidAt: handedOverAt } };
  return { type: 'HandOverLand', data: { commercialProjectId, form, areaM2: areaM2 ?? 0, parcel: parcel ?? null, handedOverAt } };
}

@CommandHandler(RecordHandoverCommand)
export class RecordHandoverHandler implements ICommandHandler<RecordHandoverCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ commercialProjectId, request, actor, idempotencyKey }: RecordHandoverCommand): Promise<HandoverResponse> {
    const { append } = await decideOn(this.store, streams.landFund(commercialProjectId), landFundDecider, (state) => {
      // Only a registered obligation has a province; an unknown one is the decider's 404.
      if (state.provinceCode !== null) assertProvince(actor, state.provinceCode);
      return toCommand(commercialProjectId, request);
    });
    await appendDecisions(this.store, [append], { actor, idempotencyKey });
    return { id: commercialProjectId };
  }
}
