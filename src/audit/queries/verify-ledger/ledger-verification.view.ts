import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChainBreakView {
  @ApiProperty() eventId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() globalPosition!: string;
  @ApiProperty({ example: 'content does not match its hash: the event was altered' }) reason!: string;
}

export class LedgerVerificationView {
  @ApiProperty() ok!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Signed Merkle checkpoints are not written yet: always null' })
  lastCheckpoint!: string | null;
  @ApiPropertyOptional({ type: ChainBreakView }) firstBad?: ChainBreakView;
}
