import { DomainEvent } from '../../shared/decider';

/** The two five-year periods of Decision 338/QĐ-TTg the provincial programmes plan for. */
export const PROGRAMME_PERIODS = ['2021-2025', '2026-2030'] as const;
export type ProgrammePeriod = (typeof PROGRAMME_PERIODS)[number];

/** Stream `programme-{provinceCode}`. */
export type ProgrammeTargetSet = DomainEvent<
  'ProgrammeTargetSet',
  { provinceCode: string; period: ProgrammePeriod; units: number; setAt: string }
>;

export type ProgrammeEvent = ProgrammeTargetSet;
