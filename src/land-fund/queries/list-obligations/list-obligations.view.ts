import { ApiProperty } from '@nestjs/swagger';

export class LandFundObligationView {
  @ApiProperty() commercialProjectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty({ description: 'm² of residential land owed (requiredShare × residential land area)' }) requiredAreaM2!: number;
  @ApiProperty({ description: 'm² handed over so far' }) handedOverM2!: number;
  @ApiProperty({ description: 'm² still owed (0 once discharged)' }) shortfallM2!: number;
  @ApiProperty({ description: 'VND paid in lieu (string: may exceed 2^53)', example: '0' }) paidInLieuVnd!: string;
  @ApiProperty() discharged!: boolean;
  @ApiProperty({ example: '2026-06-30' }) dueDate!: string;
  @ApiProperty({ description: 'Undischarged after its due date, as the ledger’s own clock (its log) saw it' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Recorded time of the first event that saw it overdue' }) overdueSeenAt!: string | null;
}

export class LandFundObligationsView {
  @ApiProperty({ type: [LandFundObligationView], description: 'Overdue first, then by due date' }) items!: LandFundObligationView[];
}
