import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IsIdentifier } from '../../../http/validation';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';
import type { Actor } from '../../../shared/actor';
import { ProjectOverviewQuery } from './project-overview.handler';
import { ProjectOverviewView } from './project-overview.view';

export class ProjectIdPath {
  @IsIdentifier()
  id!: string;
}

@ApiTags('allocation')
@ApiBearerAuth()
@Controller('projects')
@UseInterceptors(FreshReadsInterceptor)
export class ProjectOverviewHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/overview')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'A project: its units and their states (allocations, handovers, transfers), its applications with eligibility and rank',
    description: 'A board reads its own province’s projects. An inspector’s read is recorded (PersonalDataRead).',
  })
  @ApiOkResponse({ type: ProjectOverviewView })
  @ApiForbiddenResponse({ description: 'Police, or a board and a project of another province' })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  overview(@Param() path: ProjectIdPath, @CurrentActor() actor: Actor): Promise<ProjectOverviewView> {
    return this.queries.execute(new ProjectOverviewQuery(path.id, actor));
  }
}
