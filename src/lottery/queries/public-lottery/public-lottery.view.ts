import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DrawnRankView } from '../../commands/draw-lottery/draw-lottery.request.dto';

export class PublicEntrantView {
  @ApiProperty({ example: 'hp-an-dong-hs-0001' }) applicationId!: string;
  @ApiProperty({ example: 'Nguyễn V. H.', description: 'Family name and initials only' }) applicant!: string;
}

/** API.md "Lottery (bốc thăm) anyone can replay": everything `noxh lottery verify` needs, and no personal data beyond the masked name. */
export class PublicLotteryView {
  @ApiProperty({ example: 'hp-an-dong.1' }) id!: string;
  @ApiProperty({ example: 'hp-an-dong' }) projectId!: string;
  @ApiProperty({ enum: ['open', 'drawn'] }) status!: 'open' | 'drawn';
  @ApiProperty({ example: 120 }) units!: number;
  @ApiProperty({ type: [PublicEntrantView], description: 'Frozen at the opening, sorted by id (UTF-8 byte order)' }) entrants!: PublicEntrantView[];
  @ApiProperty({ description: 'hex SHA-256 of the entrants’ ids joined by "\\n"' }) entrantsHash!: string;
  @ApiProperty({ description: 'hex SHA-256 of the 32-byte seed' }) commitment!: string;
  @ApiProperty({ example: 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20' }) beaconSource!: string;
  @ApiProperty({ description: 'When the lottery was opened (ISO instant)' }) createdAt!: string;
  @ApiPropertyOptional({ description: 'After the draw: the seed, hex' }) seed?: string;
  @ApiPropertyOptional({ description: 'After the draw: the beacon, exactly as used' }) beacon?: string;
  @ApiPropertyOptional({ description: 'After the draw' }) drawnAt?: string;
  @ApiPropertyOptional({ type: [DrawnRankView], description: 'After the draw: every entrant by score ascending' }) ranking?: DrawnRankView[];
  @ApiPropertyOptional({ type: [String], description: 'After the draw: entrants no longer eligible then, given no PriorityRanked' }) notRanked?: string[];
}
