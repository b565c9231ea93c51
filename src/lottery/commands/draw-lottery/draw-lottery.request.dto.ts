import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsText } from '../../../http/validation';

export class DrawLotteryRequest {
  @ApiProperty({ example: '8f3c1a5e2b7d90c4e6a1f3b5d7092c4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c', description: 'The 32-byte seed, hex, revealed by the supervising officer' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: '$property must be 64 hex digits (32 bytes)' })
  seed!: string;

  @IsText(300, { example: '58213', description: 'The public value the opening’s beaconSource named, exactly as published' })
  beacon!: string;
}

export class DrawnRankView {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ example: 'hp-an-dong-hs-0001' }) applicationId!: string;
  @ApiProperty({ example: '2327c80080196be5af10a618154479255c1877dd73f860013ec06dbaa6bd6748', description: 'hex HMAC-SHA256(seed, beacon + "\\n" + applicationId)' })
  score!: string;
}

export class LotteryDrawnResponse {
  @ApiProperty({ type: [DrawnRankView], description: 'Every entrant by score ascending, rank 1 first' }) ranking!: DrawnRankView[];
  @ApiProperty({ example: 311, description: 'How many PriorityRanked were recorded (entrants still eligible now)' }) ranked!: number;
  @ApiProperty({ type: [String], description: 'Entrants withdrawn or no longer eligible since the opening: in the ranking, given no PriorityRanked' })
  notRanked!: string[];
}
