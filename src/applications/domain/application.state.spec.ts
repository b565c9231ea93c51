import { fold } from '../../shared/decider';
import { applicationDecider } from './application.decider';
import type { ApplicationAmended, ApplicationSubmitted } from './application.events';
import type { ApplicationState, SubmittedApplication } from './application.state';

const applicant = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' as const };
const spouse = { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male' as const, relation: 'spouse' as const };
const child = { citizenId: '031215000777', fullName: 'Trần Minh An', dateOfBirth: '2015-06-01', gender: null, relation: 'child' as const };

const submitted: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: {
    applicationId: 'app-1',
    projectId: 'hp-an-dong',
    provinceCode: '31',
    tenure: 'sale',
    category: 'worker',
    monthlyIncomeVnd: 14_500_000,
    applicant,
    household: [spouse],
    housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
    submittedAt: '2025-03-10T09:00:00+07:00',
    receivedBy: 'officer-7',
  },
};
const amended = (changes: ApplicationAmended['data']['changes']): ApplicationAmended => ({
  type: 'ApplicationAmended',
  data: { applicationId: 'app-1', changes, reason: 'new papers', amendedAt: '2025-04-01T02:00:00.000Z' },
});

function submittedState(state: ApplicationState): SubmittedApplication {
  if (state.status === 'not-submitted') throw new Error('expected a submitted application');
  return state;
}

describe('application state: the declaration a decision judges', () => {
  it('keeps the province, the applicant and the declaration as submitted', () => {
    const state = submittedState(fold(applicationDecider, [submitted]));
    expect(state).toMatchObject({ provinceCode: '31', applicant });
    expect(state.declaration).toEqual({
      tenure: 'sale',
      category: 'worker',
      monthlyIncomeVnd: 14_500_000,
      household: [spouse],
      housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
    });
  });

  it('applies each amendment over the fields it changes and keeps the others', () => {
    const state = submittedState(
      fold(applicationDecider, [
        submitted,
        amended({ monthlyIncomeVnd: 13_000_000 }),
        amended({ household: [spouse, child], housing: { ownsHome: true, floorAreaPerPersonM2: 9 } }),
      ]),
    );
    expect(state.declaration).toEqual({
      tenure: 'sale',
      category: 'worker',
      monthlyIncomeVnd: 13_000_000,
      household: [spouse, child],
      housing: { ownsHome: true, floorAreaPerPersonM2: 9 },
    });
  });

  it('keeps the top-level tenure equal to the amended declaration’s', () => {
    const state = submittedState(fold(applicationDecider, [submitted, amended({ tenure: 'rent', category: 'student' })]));
    expect(state).toMatchObject({ tenure: 'rent', declaration: { tenure: 'rent', category: 'student' } });
  });

  it('never changes the province or the applicant through an amendment', () => {
    const state = submittedState(fold(applicationDecider, [submitted, amended({ monthlyIncomeVnd: 1 })]));
    expect(state).toMatchObject({ provinceCode: '31', projectId: 'hp-an-dong', applicant });
  });
});
