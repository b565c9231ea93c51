import { ApiProperty } from '@nestjs/swagger';
import { DETECTOR_NAMES, type DetectorName } from '../../../projections/detectors';
import { REVIEW_VERDICTS, type ReviewVerdict } from '../domain/finding.events';

export class EvidenceRefView {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'application-hp-trang-cat-hs-0001' }) stream!: string;
}

export class FindingReviewView {
  @ApiProperty({ enum: REVIEW_VERDICTS }) verdict!: ReviewVerdict;
  @ApiProperty({ example: 'Đã xác minh: hai hồ sơ của cùng một người' }) note!: string;
  @ApiProperty({ example: 'thanh-tra-nguyen-van-a' }) reviewedBy!: string;
  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' }) reviewedAt!: string;
  @ApiProperty({ description: 'The FindingReviewed event on stream finding-{id}' }) eventId!: string;
}

/** A finding as DESIGN.md "Detectors" describes it, with its latest review. */
export class FindingView {
  @ApiProperty({ example: 'duplicate-applicant-3f2a9c0d1e4b5a6c7d8e' }) id!: string;
  @ApiProperty({ enum: DETECTOR_NAMES }) detector!: DetectorName;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) severity!: string;
  @ApiProperty({ nullable: true, type: String, example: '31' }) provinceCode!: string | null;
  @ApiProperty({ type: [String], example: ['031190001234'] }) citizenIds!: string[];
  @ApiProperty({ type: [String] }) streams!: string[];
  @ApiProperty({ type: [EvidenceRefView], description: 'The events the finding rests on' }) evidence!: EvidenceRefView[];
  @ApiProperty() summary!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ enum: ['open', 'closed'], description: 'Closed: no longer holds; the event that closed it is named' }) status!: 'open' | 'closed';
  @ApiProperty({ description: 'The event after which the detector first found it' }) firstSeenEventId!: string;
  @ApiProperty({ example: '7581/120', description: 'Log position (commit/prepare) of that event' }) firstSeenPosition!: string;
  @ApiProperty({ nullable: true, type: String }) closedByEventId!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAtPosition!: string | null;
  @ApiProperty({ type: FindingReviewView, nullable: true, description: 'The latest review; null until an inspector reviews it' })
  review!: FindingReviewView | null;
}

export class FindingPageView {
  @ApiProperty({ type: [FindingView] }) items!: FindingView[];
  @ApiProperty({ description: 'Findings matching the filter, over all pages' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'duplicate-applicant': 3 }, description: 'Findings matching the other filters, per detector (the detector filter left out)' })
  countsByDetector!: Record<string, number>;
}
