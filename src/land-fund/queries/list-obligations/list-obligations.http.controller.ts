import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IsProvinceCode } from '../../../http/validation';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';
import type { Actor } from '../../../shared/actor';
import { ListObligationsQuery } from './list-obligations.handler';
import { LandFundObligationsView } from './list-obligations.view';

export class ListObligationsRequest {
  @IsOptional()
  @IsProvinceCode({ required: false, description: 'Obligations of this province (with those merged into it in 2025); a board may ask only for its own' })
  province?: string;
}

@ApiTags('land-fund')
@ApiBearerAuth()
@Controller('land-fund/obligations')
@UseInterceptors(FreshReadsInterceptor)
export class ListObligationsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({ summary: 'Commercial projects’ 20% land-fund obligations: what is owed, handed over, paid in lieu, the shortfall and the deadline' })
  @ApiOkResponse({ type: LandFundObligationsView })
  @ApiForbiddenResponse({ description: 'Police, or a board asking for another province' })
  list(@Query() request: ListObligationsRequest, @CurrentActor() actor: Actor): Promise<LandFundObligationsView> {
    return this.queries.execute(new ListObligationsQuery(request.province, actor));
  }
}
