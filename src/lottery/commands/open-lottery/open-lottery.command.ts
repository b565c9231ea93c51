import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { LotteryOpenedResponse, OpenLotteryRequest } from './open-lottery.request.dto';

export class OpenLotteryCommand extends Command<LotteryOpenedResponse> {
  constructor(
    readonly projectId: string,
    readonly request: OpenLotteryRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
