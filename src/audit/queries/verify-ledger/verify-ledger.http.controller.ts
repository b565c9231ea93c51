import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { LedgerVerificationView } from './ledger-verification.view';
import { VerifyLedgerQuery } from './verify-ledger.query';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('audit')
export class VerifyLedgerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('verify')
  @Roles('inspector', 'admin')
  @ApiOperation({
    summary: 'Recompute every hash chain and the Merkle root at every signed checkpoint; names the first thing that differs',
    description: 'Incremental: resumes from the last checkpoint this process found good. full=true reads the whole log (as `noxh verify` does).',
  })
  @ApiQuery({ name: 'full', required: false, type: Boolean })
  @ApiOkResponse({ type: LedgerVerificationView })
  verify(@QueryParam('full') full?: string): Promise<LedgerVerificationView> {
    return this.queries.execute(new VerifyLedgerQuery(full === 'true' || full === '1'));
  }
}
