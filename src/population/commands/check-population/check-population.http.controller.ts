import { Body, Controller, HttpCode, Post, UseFilters, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { CheckPopulationCommand } from './check-population.command';
import { CheckPopulationRequest, CheckTallyResponse } from './check-population.request.dto';
import { RegistryFailureFilter } from './registry-failure.filter';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('police')
@ApiBearerAuth()
@Controller('population/checks')
@UseInterceptors(FreshReadsInterceptor)
@UseFilters(RegistryFailureFilter)
export class CheckPopulationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Roles('police', 'board')
  @ApiOperation({
    summary: 'Cross-check applicants and household members against the population database (đối chiếu cơ sở dữ liệu quốc gia về dân cư)',
    description:
      'Records one PopulationCheckRecorded per application: per person identity, alive, residence province, household consistency and housing owned in the province, with the registry snapshots consulted. Police and boards act for their own province.',
  })
  @ApiAcceptedResponse({ type: CheckTallyResponse })
  @ApiBadRequestResponse({ description: 'A bad or repeated id, or more than 1000; nothing written' })
  @ApiForbiddenResponse({ description: 'Not police or a board, or an application of another province; nothing written' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND; nothing written' })
  @ApiConflictResponse({ description: 'APPLICATION_WITHDRAWN, NO_POPULATION_SNAPSHOT (no extract imported); nothing written' })
  @ApiBadGatewayResponse({ description: 'REGISTRY_REJECTED: the registry service refused the lookup' })
  @ApiServiceUnavailableResponse({
    description: 'REGISTRY_UNAVAILABLE, with Retry-After: the registry is down; files not yet checked stay due, never recorded as a match',
  })
  check(@Body() request: CheckPopulationRequest, @CurrentActor() actor: Actor): Promise<CheckTallyResponse> {
    return this.commands.execute(new CheckPopulationCommand(request, actor));
  }
}
