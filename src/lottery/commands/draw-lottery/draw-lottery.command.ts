import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { DrawLotteryRequest, LotteryDrawnResponse } from './draw-lottery.request.dto';

export class DrawLotteryCommand extends Command<LotteryDrawnResponse> {
  constructor(
    readonly lotteryId: string,
    readonly request: DrawLotteryRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
