import { fold } from '../../../shared/decider';
import { applicationDecider } from '../../domain/application.decider';
import type { ApplicationEvent, ApplicationSubmitted } from '../../domain/application.events';
import { claimantsOf, eligibilityFactsOf } from './eligibility-facts';

const submitted: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: {
    applicationId: 'app-1',
    projectId: 'hp-an-dong',
    provinceCode: '31',
    tenure: 'sale',
    category: 'worker',
    monthlyIncomeVnd: 18_000_000,
    applicant: { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' },
    household: [{ citizenId: '031215000777', fullName: 'Trần Minh An', dateOfBirth: '2015-06-01', gender: null, relation: 'child' }],
    housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
    submittedAt: '2025-09-15',
    receivedBy: 'officer-7',
  },
};
const spouse = { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male' as const, relation: 'spouse' as const };

function applicationAfter(events: ApplicationEvent[]) {
  const state = fold(applicationDecider, events);
  if (state.status === 'not-submitted') throw new Error('expected a submitted application');
  return state;
}

describe('eligibilityFactsOf', () => {
  it('judges the file as submitted, in the project’s province, on the decision day', () =>
    expect(eligibilityFactsOf(applicationAfter([submitted]), '2025-10-10', false)).toEqual({
      category: 'worker',
      tenure: 'sale',
      provinceCode: '31',
      decisionDate: '2025-10-10',
      monthlyIncomeVnd: 18_000_000,
      householdKind: 'single-parent-with-minor',
      housing: { ownsHome: false },
      hasPriorBenefit: false,
    }));

  it('judges the amended declaration: a declared spouse makes the household married', () => {
    const amended: ApplicationEvent = {
      type: 'ApplicationAmended',
      data: {
        applicationId: 'app-1',
        changes: { monthlyIncomeVnd: 35_000_000, household: [spouse], housing: { ownsHome: true, floorAreaPerPersonM2: 9 } },
        reason: 'married',
        amendedAt: '2025-10-01T00:00:00.000Z',
      },
    };
    expect(eligibilityFactsOf(applicationAfter([submitted, amended]), '2025-10-10', true)).toMatchObject({
      monthlyIncomeVnd: 35_000_000,
      householdKind: 'married',
      housing: { ownsHome: true, floorAreaPerPersonM2: 9 },
      hasPriorBenefit: true,
    });
  });

  it('asks the person streams of the applicant, and of the spouse when there is one', () => {
    expect(claimantsOf(applicationAfter([submitted]))).toEqual(['031190001234']);
    const married: ApplicationSubmitted = { ...submitted, data: { ...submitted.data, household: [spouse] } };
    expect(claimantsOf(applicationAfter([married]))).toEqual(['031190001234', '031088004321']);
  });
});
