import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IdPath } from '../../../applications/commands/id-path.dto';
import { PublicRead } from '../../../http/public-read.decorator';
import { BeneficiariesQuery } from './beneficiaries.query';
import { BeneficiariesView } from './beneficiaries.view';

@ApiTags('public')
@Controller('public/projects')
export class BeneficiariesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/beneficiaries')
  @PublicRead()
  @ApiOperation({
    summary: 'The public list of a project’s beneficiaries (danh sách người được mua, thuê, thuê mua), masked (no token)',
    description:
      'The units allocated now, by unit number, with the applicant’s family name and initials, the first and last three digits of the ' +
      'citizen id, the household size, the allocation decision, and the UnitAllocated event’s id and hash, the latest signed ' +
      '`checkpoint` and each row’s RFC 9162 inclusion proof (`leafIndex`, `auditPath`) under it (null for an event after that ' +
      'checkpoint, until the next one). Rate-limited per address (429); Cache-Control: public, max-age=30.',
  })
  @ApiOkResponse({ type: BeneficiariesView })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; retry after Retry-After seconds' })
  beneficiaries(@Param() path: IdPath): Promise<BeneficiariesView> {
    return this.queries.execute(new BeneficiariesQuery(path.id));
  }
}
