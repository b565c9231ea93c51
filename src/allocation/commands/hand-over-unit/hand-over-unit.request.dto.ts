import { IsOptional } from 'class-validator';
import { IsPastDate, IsText } from '../../../http/validation';

export class HandOverUnitRequest {
  @IsPastDate({ description: 'Ngày bàn giao' })
  handedOverAt!: string;

  @IsText(100, { example: 'HĐ-2026/0457', description: 'Số hợp đồng mua bán / thuê / thuê mua' })
  contractNo!: string;

  @IsOptional()
  @IsPastDate({ required: false, description: 'Full payment: starts the 5-year resale restriction (Art. 89(1)(d))' })
  fullyPaidAt?: string;
}
