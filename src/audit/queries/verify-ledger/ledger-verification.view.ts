import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CheckpointRefView {
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'hex' }) rootHash!: string;
}

export class VerificationFailureView {
  @ApiProperty({ example: 'checkpoint 120 signed root …, but the log’s first 120 events now hash to …' }) reason!: string;
  @ApiProperty({ example: 'điểm kiểm tra 120 đã ký gốc …, nhưng 120 sự kiện đầu của sổ cái nay băm ra …', description: 'The reason in Vietnamese' }) reasonVi!: string;
  @ApiPropertyOptional({ type: CheckpointRefView, description: 'The signed checkpoint the log contradicts' }) checkpoint?: CheckpointRefView;
  @ApiPropertyOptional() eventId?: string;
  @ApiPropertyOptional() stream?: string;
  @ApiPropertyOptional() revision?: number;
  @ApiPropertyOptional() globalPosition?: string;
}

export class LedgerVerificationView {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events read and hashed by this run' }) eventsChecked!: number;
  @ApiProperty({ description: 'Checkpoints whose root was found to match the log' }) checkpointsChecked!: number;
  @ApiProperty({ type: CheckpointRefView, nullable: true, description: 'The largest checkpoint the log matches' })
  lastCheckpoint!: CheckpointRefView | null;
  @ApiProperty({ description: 'Leaves already verified by an earlier run of this process (0: from scratch)' }) verifiedFrom!: number;
  @ApiPropertyOptional({ type: VerificationFailureView }) firstBad?: VerificationFailureView;
}
