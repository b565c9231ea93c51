import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../auth/auth.constants';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../shared/actor';
import { TamperEvidenceService } from '../tamper-evidence.service';
import { ConsistencyProofQuery, CosignatureRequest, InclusionProofQuery, TreeSizePath } from './tamper-evidence.dto';

/** API.md "Tamper evidence": the public key and checkpoints are open to anyone; proofs need an inspector or admin. */
@ApiTags('tamper evidence')
@Controller('audit')
export class CheckpointsHttpController {
  constructor(private readonly tamperEvidence: TamperEvidenceService) {}

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The key that signs checkpoints now: { keyId, publicKeyPem }' })
  publicKey() {
    return this.tamperEvidence.publicKey();
  }

  @Get('checkpoints/latest')
  @Public()
  @ApiOperation({ summary: 'The latest signed checkpoint with its cosignatures' })
  latest() {
    return this.tamperEvidence.checkpoint();
  }

  @Get('checkpoints/:treeSize')
  @Public()
  @ApiOperation({ summary: 'The signed checkpoint of one tree size' })
  ofSize(@Param() path: TreeSizePath) {
    return this.tamperEvidence.checkpoint(path.treeSize);
  }

  @Post('checkpoints/:treeSize/cosignatures')
  @Roles('inspector')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record a registered witness’s Ed25519 cosignature over the checkpoint’s note' })
  cosign(@Param() path: TreeSizePath, @Body() body: CosignatureRequest, @CurrentActor() actor: Actor) {
    return this.tamperEvidence.cosign(path.treeSize, body.keyId, body.signature, actor);
  }

  @Get('proofs/inclusion')
  @Roles('inspector', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of an event in the tree of treeSize leaves' })
  inclusion(@Query() query: InclusionProofQuery) {
    return this.tamperEvidence.inclusion(query.eventId, query.treeSize);
  }

  @Get('proofs/consistency')
  @Roles('inspector', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two tree sizes' })
  consistency(@Query() query: ConsistencyProofQuery) {
    return this.tamperEvidence.consistency(query.from, query.to);
  }
}
