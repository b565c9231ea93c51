import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { ReadStreamQuery } from './read-stream.query';
import { StreamEventsView } from './stream-events.view';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('streams')
export class ReadStreamHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId/events')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({ summary: 'Raw events of one stream, with positions and hashes' })
  @ApiOkResponse({ type: StreamEventsView })
  read(@Param('streamId') streamId: string, @CurrentActor() actor: Actor): Promise<StreamEventsView> {
    return this.queries.execute(new ReadStreamQuery(streamId, actor));
  }
}
