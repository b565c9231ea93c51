import { given } from '../../../test/support/given-when-then';
import type { ApplicationAmended, ApplicationSubmitted, ApplicationWithdrawn as Withdrawn } from '../../applications/domain/application.events';
import { ApplicationNotFound, ApplicationWithdrawn } from '../../applications/domain/applications.errors';
import { populationCheckDecider, type CheckMode, type RecordPopulationCheck } from './population-check.decider';
import type { PopulationCheckRecorded } from './population-check.events';

const ID = 'hs-0001';
const NOW = '2026-04-01T03:00:00.000Z';
const applicant = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' as const };
const submitted: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: {
    applicationId: ID, projectId: 'hp-trang-cat', provinceCode: '31', tenure: 'sale', applicant, household: [], category: 'worker',
    monthlyIncomeVnd: 14_500_000, housing: { ownsHome: false, floorAreaPerPersonM2: 0 }, submittedAt: '2026-03-01', receivedBy: 'Sở Xây dựng',
  },
};
const withdrawn: Withdrawn = { type: 'ApplicationWithdrawn', data: { applicationId: ID, reason: 'moved', withdrawnAt: NOW } };
const amended = (changes: ApplicationAmended['data']['changes']): ApplicationAmended => ({
  type: 'ApplicationAmended', data: { applicationId: ID, changes, reason: null, amendedAt: NOW },
});
const check: PopulationCheckRecorded['data'] = {
  applicationId: ID,
  provinceCode: '31',
  checkedAt: NOW,
  sources: { population: { kind: 'extract', snapshot: 'population-extract-1' }, land: { kind: 'extract', snapshot: 'land-extract-1' } },
  persons: [],
};
const recorded: PopulationCheckRecorded = { type: 'PopulationCheckRecorded', data: check };
const record = (mode: CheckMode): RecordPopulationCheck => ({ type: 'RecordPopulationCheck', data: { ...check, mode } });

describe('population check decider', () => {
  it('records the first check of a submitted file', () => given(populationCheckDecider, [submitted]).when(record('due')).then([recorded]));
  it('passes over a file already checked in the sweep', () => given(populationCheckDecider, [submitted, recorded]).when(record('due')).then([]));
  it('checks a named file again whatever came before', () =>
    given(populationCheckDecider, [submitted, recorded]).when(record('recheck')).then([recorded]));
  it('sweeps a file again once its household changed', () =>
    given(populationCheckDecider, [submitted, recorded, amended({ household: [] })]).when(record('due')).then([recorded]));
  it('does not sweep a file again for an income amendment: no new person to check', () =>
    given(populationCheckDecider, [submitted, recorded, amended({ monthlyIncomeVnd: 9_000_000 })]).when(record('due')).then([]));
  it('passes over a withdrawn file in the sweep', () => given(populationCheckDecider, [submitted, withdrawn]).when(record('due')).then([]));
  it('refuses to check a named withdrawn file', () =>
    given(populationCheckDecider, [submitted, withdrawn]).when(record('recheck')).thenThrows(ApplicationWithdrawn));
  it('refuses a file never submitted, in either mode', () => {
    given(populationCheckDecider, []).when(record('due')).thenThrows(ApplicationNotFound);
    given(populationCheckDecider, []).when(record('recheck')).thenThrows(ApplicationNotFound);
  });
});
