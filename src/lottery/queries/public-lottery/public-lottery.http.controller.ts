import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { PublicRead } from '../../../http/public-read.decorator';
import { LotteryIdPath } from '../../lottery-id-path.dto';
import { PublicLotteryQuery } from './public-lottery.query';
import { PublicLotteryView } from './public-lottery.view';

@ApiTags('public')
@Controller('public/lotteries')
export class PublicLotteryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @PublicRead()
  @ApiOperation({
    summary: 'A lottery as anyone may check it, before and after the draw (no token)',
    description:
      'Before the draw: the frozen entrants (masked names), entrantsHash, the commitment and the beacon source. After it: also the seed, ' +
      'the beacon and the ranking. Save it as FILE.json and run `noxh lottery verify FILE.json` to recompute it with no database. ' +
      'Rate-limited per address (429); Cache-Control: public, max-age=30.',
  })
  @ApiOkResponse({ type: PublicLotteryView })
  @ApiNotFoundResponse({ description: 'LOTTERY_NOT_FOUND' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; retry after Retry-After seconds' })
  lottery(@Param() path: LotteryIdPath): Promise<PublicLotteryView> {
    return this.queries.execute(new PublicLotteryQuery(path.id));
  }
}
