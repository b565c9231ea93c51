import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsPositiveInt, IsText } from '../../../http/validation';

export class OpenLotteryRequest {
  @IsPositiveInt(100_000, { example: 120, description: 'Units offered by this lottery: the first `units` of the ranking are served first' })
  units!: number;

  @ApiProperty({
    example: '9cf1c36cc2e7e630023bc89219f1e4b75cd9151e7de054fc7705f0c794b97ba6',
    description: 'hex SHA-256 of the 32-byte seed the supervising officer keeps offline until the draw (`noxh lottery seed` prints both)',
  })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: '$property must be a hex SHA-256 (64 hex digits)' })
  commitment!: string;

  @IsText(300, {
    example: 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20',
    description: 'The public random value to be mixed in at the draw, named now, before anyone can know it',
  })
  beaconSource!: string;
}

export class LotteryOpenedResponse {
  @ApiProperty({ example: 'hp-an-dong.1', description: 'The lottery: `{projectId}.{n}`, n counting the project’s lotteries from 1' }) id!: string;
  @ApiProperty({ example: 312, description: 'How many applications were frozen as entrants' }) entrantCount!: number;
  @ApiProperty({ example: '72c17423fcb54a2848dc9e233ec55309efb5490ee965fe98bb71b0a60a1bd6fb', description: 'hex SHA-256 of the entrants’ ids joined by "\\n"' })
  entrantsHash!: string;
}
