import type { ApplicationEvent } from '../../src/applications/domain/application.events';
import type { Tenure } from '../../src/allocation/domain/unit.events';
import { toNewEvent } from '../../src/event-store/new-event';
import { streams } from '../../src/shared/streams';
import { boardPost } from './board-api';
import type { TestApp } from './test-app';

/** A registered project with released units, over HTTP as a board of its province would do it. */
export async function seedProject(t: TestApp, id: string, province: string, units: { unitNo: string; tenure?: Tenure }[]): Promise<void> {
  await boardPost(
    t,
    '/projects',
    { id, name: `Dự án ${id}`, provinceCode: province, investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 20_000, plannedUnits: 500 },
    province,
  ).expect(201);
  await boardPost(
    t,
    `/projects/${id}/units`,
    { units: units.map(({ unitNo, tenure = 'sale' }) => ({ unitNo, floorAreaM2: 56, tenure, priceVnd: 1_150_000_000 })) },
    province,
  ).expect(201);
}

export interface SeededApplication {
  applicationId: string;
  projectId: string;
  citizenId: string;
  province: string;
  tenure?: Tenure;
  outcome?: 'eligible' | 'ineligible';
}

/**
 * An application and the board's decision on it, written as events: the allocation tests need
 * eligible files, not the application endpoints, which have tests of their own.
 */
export async function seedApplication(t: TestApp, a: SeededApplication): Promise<void> {
  const { applicationId, projectId, citizenId, province, tenure = 'sale', outcome = 'eligible' } = a;
  const events: ApplicationEvent[] = [
    {
      type: 'ApplicationSubmitted',
      data: {
        applicationId,
        projectId,
        provinceCode: province,
        applicant: { citizenId, fullName: 'Nguyễn Thị Hồng', dateOfBirth: '1990-04-12', gender: 'female' },
        tenure,
        household: [],
        category: 'worker',
        monthlyIncomeVnd: 12_000_000,
        housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
        submittedAt: '2026-03-02',
        receivedBy: 'Cán bộ tiếp nhận 1',
      },
    },
    {
      type: 'EligibilityDecided',
      data: {
        applicationId,
        outcome,
        decisionNo: `QĐ-${applicationId}`,
        decidedBy: 'Hội đồng xét duyệt',
        decidedAt: '2026-05-04',
        reasons: [],
        justification: null,
        policyVersion: 'vn-decree-136-2026',
        policyOutcome: outcome,
        policyReasons: [],
      },
    },
  ];
  await t.store.append(
    streams.application(applicationId),
    events.map(toNewEvent),
    { expectedRevision: 'no_stream', actor: { subject: `board-${province}`, role: 'board', province } },
  );
}
