import type { Detector } from './detector';
import { conflictOfInterest } from './conflict-of-interest.detector';
import { duplicateApplicant } from './duplicate-applicant.detector';
import { registryMismatch } from './registry-mismatch.detector';

/** Every detector the ledger projection runs, in a fixed order (findings are reconciled in it). */
export const DETECTORS: readonly Detector[] = [
  duplicateApplicant,
  registryMismatch,
  conflictOfInterest,
];
