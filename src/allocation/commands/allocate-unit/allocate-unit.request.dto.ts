import { IsIdentifier, IsPastDate, IsPersonName, IsText } from '../../../http/validation';

export class AllocateUnitRequest {
  @IsIdentifier(64, { example: '7b1c2f0e-1d2a-4c55-9a0b-3f1e2d4c5b6a' })
  applicationId!: string;

  @IsIdentifier(64)
  projectId!: string;

  @IsIdentifier(32, { example: 'A-1203' })
  unitNo!: string;

  @IsText(100, { example: '1532/QĐ-SXD', description: 'Số quyết định giao nhà' })
  decisionNo!: string;

  @IsPersonName(200, { example: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng' })
  decidedBy!: string;

  @IsPastDate()
  decidedAt!: string;
}
