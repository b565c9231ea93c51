import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsNote } from '../../../http/validation';
import { REVIEW_VERDICTS, type ReviewVerdict } from '../../domain/finding.events';

export class ReviewFindingRequest {
  @ApiProperty({ enum: REVIEW_VERDICTS, description: 'confirmed: the abuse is real; dismissed: a false alarm' })
  @IsIn(REVIEW_VERDICTS)
  verdict!: ReviewVerdict;

  @IsNote(4000, { example: 'Đã đối chiếu hồ sơ gốc: cùng một người nộp ở hai dự án', description: 'Why (kết luận của thanh tra)' })
  note!: string;
}

export class ReviewRecordedResponse {
  @ApiProperty() findingId!: string;
  @ApiProperty({ enum: REVIEW_VERDICTS }) verdict!: ReviewVerdict;
  @ApiProperty() note!: string;
  @ApiProperty({ example: 'thanh-tra-nguyen-van-a' }) reviewedBy!: string;
  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' }) reviewedAt!: string;
  @ApiProperty({ description: 'The FindingReviewed event on stream finding-{id}' }) eventId!: string;
}
