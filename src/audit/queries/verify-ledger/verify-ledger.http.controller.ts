import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Recompute every hash chain; names the first event that differs' })
  @ApiOkResponse({ type: LedgerVerificationView })
  verify(): Promise<LedgerVerificationView> {
    return this.queries.execute(new VerifyLedgerQuery());
  }
}
