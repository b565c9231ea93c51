import type { ApplicationEvent } from '../../../applications/domain/application.events';
import { inForceOn } from './valid-at';

const submitted = { type: 'ApplicationSubmitted', data: { submittedAt: '2024-03-01' } } as unknown as ApplicationEvent;
const decided = { type: 'EligibilityDecided', data: { decidedAt: '2024-06-10' } } as unknown as ApplicationEvent;
const withdrawn = { type: 'ApplicationWithdrawn', data: { withdrawnAt: '2026-11-30T10:00:00+07:00' } } as unknown as ApplicationEvent;

describe('validAt: a file as it stood on a legal date', () => {
  it('given a file submitted in 2024 and recorded now, on 2025-01-01 it holds the submission and the 2024 decision', () =>
    expect(inForceOn([submitted, decided, withdrawn], '2025-01-01')).toEqual([submitted, decided]));
  it('the day of an event counts as in force; the day before does not', () => {
    expect(inForceOn([submitted, decided], '2024-06-10')).toEqual([submitted, decided]);
    expect(inForceOn([submitted, decided], '2024-06-09')).toEqual([submitted]);
  });
  it('before the stated submission there is no file', () => expect(inForceOn([submitted, decided], '2024-02-29')).toEqual([]));
});
