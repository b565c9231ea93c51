import { bodyOf } from './response-body';
import request from 'supertest';
import type { Role } from '../../src/shared/actor';
import type { JsonObject } from '../../src/shared/json';
import { boardPost } from './board-api';
import type { TestApp } from './test-app';

/** A registered project (no units needed before applications), over HTTP as its province's board. */
export async function registerProject(t: TestApp, id: string, province = '31'): Promise<void> {
  await boardPost(
    t,
    '/projects',
    { id, name: `Dự án ${id}`, provinceCode: province, investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 20_000, plannedUnits: 500 },
    province,
  ).expect(201);
}

export const applicant = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' };
export const spouse = { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male', relation: 'spouse' };
export const child = { citizenId: '031215000777', fullName: 'Trần Minh An', dateOfBirth: '2015-06-01', relation: 'child' };

/** A single worker buying, within every ceiling, with no home: eligible under every national version. */
export function applicationBody(projectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId,
    tenure: 'sale',
    applicant,
    household: [],
    category: 'worker',
    monthlyIncomeVnd: 14_500_000,
    housing: { ownsHome: false },
    submittedAt: '2025-09-15T09:30:00+07:00',
    receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
    ...overrides,
  };
}

export const decisionBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  outcome: 'eligible',
  decisionNo: '1532/QĐ-SXD',
  decidedBy: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng',
  decidedAt: '2025-10-10',
  ...overrides,
});

/** Submits and returns the id, checking the 201. */
export async function submitApplication(t: TestApp, body: Record<string, unknown>, province = '31'): Promise<string> {
  const res = await boardPost(t, '/applications', body, province).expect(201);
  return bodyOf<{ id: string }>(res).id;
}

export async function decideEligible(t: TestApp, applicationId: string, province = '31'): Promise<void> {
  await boardPost(t, `/applications/${applicationId}/eligibility-decisions`, decisionBody(), province).expect(201);
}

/** A POST by someone who is not a board (inspector, police, admin). */
export function postAs(t: TestApp, role: Role, path: string, body: object) {
  return request(t.app.getHttpServer()).post(`/api/v1${path}`).set(t.auth({ role })).send(body);
}

/** Writes events straight to a stream: what endpoints not built yet (amendments, allocations) would write. */
export async function appendRaw(t: TestApp, stream: string, events: { type: string; data: object }[]): Promise<void> {
  await t.store.append(
    stream,
    events.map((e) => ({ type: e.type, data: e.data as JsonObject })),
    { expectedRevision: 'any', actor: { subject: 'board-31', role: 'board', province: '31' } },
  );
}
