import { Query } from '@nestjs/cqrs';
import type { PublicLotteryView } from './public-lottery.view';

export class PublicLotteryQuery extends Query<PublicLotteryView> {
  constructor(readonly lotteryId: string) {
    super();
  }
}
