import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCleanText, IsIsoDate, IsNote, IsPersonName, IsText } from '../../../http/validation';
import type { EligibilityOutcome } from '../../domain/application.events';

export const OUTCOMES = ['eligible', 'ineligible'] as const satisfies readonly EligibilityOutcome[];
const MAX_REASONS = 50;
const MAX_REASON_LENGTH = 1000;

/** Quyết định đủ / không đủ điều kiện, as the board signed it. */
export class RecordEligibilityDecisionRequest {
  @ApiProperty({ enum: OUTCOMES, description: 'The board’s outcome: đủ điều kiện (eligible) or không đủ điều kiện (ineligible)' })
  @IsIn(OUTCOMES)
  outcome!: EligibilityOutcome;

  @IsText(100, { example: '1532/QĐ-SXD', description: 'Số quyết định' })
  decisionNo!: string;

  @IsPersonName(200, { example: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng', description: 'Who signed the decision' })
  decidedBy!: string;

  // Only the form is checked here: "not in the future" is judged by the decider on the Vietnamese
  // calendar day against the service's clock (400 DECISION_IN_FUTURE), so a decision dated today in
  // Vietnam is accepted before 07:00, when it is still yesterday in UTC.
  @IsIsoDate({
    example: '2025-10-10',
    description:
      'Ngày quyết định: ISO day or instant. Its calendar day in Vietnam (UTC+7) chooses the policy version in force. ' +
      'Not after today (400 DECISION_IN_FUTURE) nor before the submission (400 DECISION_BEFORE_SUBMISSION)',
  })
  decidedAt!: string;

  @ApiProperty({ type: [String], required: false, maxItems: MAX_REASONS, description: 'The board’s own grounds (lý do); recorded as [] when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REASONS)
  @IsString({ each: true })
  @MaxLength(MAX_REASON_LENGTH, { each: true })
  @IsCleanText('note', { each: true })
  reasons?: string[];

  @IsOptional()
  @IsNote(4000, {
    required: false,
    example: 'Thu nhập giảm sau ly hôn, xác nhận Mẫu 05',
    description: 'Why the board decides "eligible" where the policy in force says "ineligible": then required (409 JUSTIFICATION_REQUIRED)',
  })
  justification?: string;
}

export class EligibilityDecisionResponse {
  @ApiProperty({ enum: OUTCOMES, description: 'The board’s outcome, as recorded' }) outcome!: EligibilityOutcome;
  @ApiProperty({ example: 'vn-decree-261-2025', description: 'The policy version in force for the province on the decision’s day' })
  policyVersion!: string;
  @ApiProperty({ enum: OUTCOMES, description: 'What that policy version says of the file as currently declared' })
  policyOutcome!: EligibilityOutcome;
  @ApiProperty({
    type: [String],
    description: 'The POLICY’s reasons, not the board’s: every unmet condition when ineligible, else why each rule was met, each citing its source',
  })
  reasons!: string[];
}
