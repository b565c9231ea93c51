import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type Actor } from '../../shared/actor';
import { CurrentActor } from '../current-actor.decorator';

export class WhoAmIView {
  @ApiProperty({ example: 'thanh-tra-nguyen-van-a' }) subject!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, example: '31', description: 'Boards and police: their province' }) province!: string | null;
}

/** The console's sign-in: checks the token the way every endpoint does and says whose it is. No personal data. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class WhoAmIHttpController {
  @Get('me')
  @ApiOperation({ summary: 'The token’s holder: subject, role and province (any valid token)' })
  @ApiOkResponse({ type: WhoAmIView })
  @ApiUnauthorizedResponse({ description: 'Missing, bad or expired token' })
  me(@CurrentActor() actor: Actor): WhoAmIView {
    return { subject: actor.subject, role: actor.role, province: actor.province ?? null };
  }
}
