import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.constants';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { FindingIdPath } from '../../inspection/findings/finding-id-path.dto';
import type { Actor } from '../../shared/actor';
import { TamperEvidenceService } from '../tamper-evidence.service';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('findings')
export class EvidenceBundleHttpController {
  constructor(private readonly tamperEvidence: TamperEvidenceService) {}

  /** The body is the file's exact bytes (canonical JSON): re-serialising would break its signature check. */
  @Get(':id/evidence-bundle')
  @Roles('inspector')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'A self-contained evidence bundle for the finding, checkable offline with `noxh evidence verify`' })
  bundle(@Param() path: FindingIdPath, @CurrentActor() actor: Actor): Promise<string> {
    return this.tamperEvidence.evidenceBundle(path.id, actor);
  }
}
