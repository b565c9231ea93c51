import { IsNote, IsText } from '../../../http/validation';

export class RevokeAllocationRequest {
  @IsNote(1000, { example: 'Phát hiện kê khai không trung thực về thu nhập' })
  reason!: string;

  @IsText(100, { example: '1790/QĐ-SXD', description: 'Số quyết định thu hồi' })
  decisionNo!: string;
}
