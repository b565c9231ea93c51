import { FindingReviewsProjection } from '../../projections/finding-reviews/finding-reviews.projection';
import { LedgerProjection } from '../../projections/ledger/ledger.projection';
import type { Projection } from '../../projections/runner/projection';
import type { AppConfig } from '../config/app-config';

export const PROJECTION_NAMES = ['ledger', 'finding-reviews'] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

/** Every projection the service keeps current; the service and `noxh projections rebuild` share the list. */
export function allProjections({ projectionMaxRows }: Pick<AppConfig, 'projectionMaxRows'>): Projection[] {
  return [new LedgerProjection(undefined, { maxResidentRows: projectionMaxRows }), new FindingReviewsProjection()];
}
