import type { DomainEvent } from '../../shared/decider';

export const REVIEW_VERDICTS = ['confirmed', 'dismissed'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/**
 * Stream `finding-{id}`: an inspector's review of a finding (DESIGN.md). The finding itself is a
 * projection and may close or reopen as the log grows; the review is a fact and stays.
 */
export type FindingReviewed = DomainEvent<
  'FindingReviewed',
  { findingId: string; verdict: ReviewVerdict; note: string; reviewedBy: string; reviewedAt: string }
>;

export type FindingEvent = FindingReviewed;
