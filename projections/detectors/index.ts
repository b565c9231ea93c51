import type { Detector } from './detector';
import { duplicateApplicant } from './duplicate-applicant.detector';

/** Every detector the ledger projection runs, in a fixed order (findings are reconciled in it). */
export const DETECTORS: readonly Detector[] = [duplicateApplicant];
