import { expect } from '@jest/globals';
import type { EligibilityDecisionResponse } from '../../src/applications/commands/record-eligibility-decision/record-eligibility-decision.request.dto';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import {
  appendRaw,
  applicant,
  applicationBody,
  decisionBody,
  postAs,
  registerProject,
  spouse,
  submitApplication,
} from '../support/application-requests';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

describe('POST /api/v1/applications/:id/eligibility-decisions (quyết định đủ điều kiện)', () => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
  });
  afterAll(() => t.close());

  /** A fresh file (its own applicant, so person streams never mix between tests). */
  const submit = (overrides: Record<string, unknown> = {}) => {
    serial += 1;
    const citizenId = `0311900${String(serial).padStart(5, '0')}`;
    return submitApplication(t, applicationBody('hp-trang-cat', { applicant: { ...applicant, citizenId }, ...overrides }));
  };
  const decide = (id: string, overrides: Record<string, unknown> = {}, province = '31') =>
    boardPost(t, `/applications/${id}/eligibility-decisions`, decisionBody(overrides), province);
  const decisionsOf = async (id: string) => (await t.store.readStream(`application-${id}`)).filter((e) => e.type === 'EligibilityDecided');
  const citizenOf = async (id: string) => ((await t.store.readStream(`application-${id}`))[0].data.applicant as { citizenId: string }).citizenId;

  it('records one EligibilityDecided with the board’s outcome beside the policy’s version, outcome and reasons', async () => {
    const id = await submit();
    const res = await decide(id, { reasons: ['Đủ điều kiện theo Điều 78'] }).expect(201);
    expect(res.body).toEqual({
      outcome: 'eligible',
      policyVersion: 'vn-decree-261-2025',
      policyOutcome: 'eligible',
      reasons: expect.arrayContaining([expect.stringMatching(/monthly income 14,500,000 VND is within the 20,000,000 VND ceiling .*Decree 261\/2025/)]),
    });
    const [event, ...more] = await decisionsOf(id);
    expect(more).toEqual([]);
    expect(event.stream).toBe(`application-${id}`);
    expect(event.data).toEqual({
      applicationId: id,
      outcome: 'eligible',
      decisionNo: '1532/QĐ-SXD',
      decidedBy: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng',
      decidedAt: '2025-10-10',
      reasons: ['Đủ điều kiện theo Điều 78'],
      justification: null,
      policyVersion: 'vn-decree-261-2025',
      policyOutcome: 'eligible',
      policyReasons: bodyOf<EligibilityDecisionResponse>(res).reasons,
    });
  });

  it('judges by the version in force on the decision’s day: 2025-10-09 Decree 100, 2025-10-10 Decree 261', async () => {
    const [before, after] = [await submit({ monthlyIncomeVnd: 18_000_000 }), await submit({ monthlyIncomeVnd: 18_000_000 })];
    const old = await decide(before, { outcome: 'ineligible', decidedAt: '2025-10-09', reasons: ['Thu nhập vượt mức'] }).expect(201);
    expect(old.body).toMatchObject({ outcome: 'ineligible', policyVersion: 'vn-decree-100-2024', policyOutcome: 'ineligible' });
    expect(bodyOf<EligibilityDecisionResponse>(old).reasons).toEqual([expect.stringMatching(/18,000,000 VND exceeds the 15,000,000 VND ceiling for a single applicant \(Decree 100\/2024\)/)]);
    const raised = await decide(after, { decidedAt: '2025-10-10' }).expect(201);
    expect(raised.body).toMatchObject({ outcome: 'eligible', policyVersion: 'vn-decree-261-2025', policyOutcome: 'eligible' });
    expect((await decisionsOf(before))[0].data).toMatchObject({ policyVersion: 'vn-decree-100-2024', policyOutcome: 'ineligible' });
  });

  it('takes an instant’s calendar day in Vietnam (UTC+7): 2025-10-09T17:30Z is 10 October there', async () => {
    const id = await submit();
    const res = await decide(id, { decidedAt: '2025-10-09T17:30:00Z' }).expect(201);
    expect(bodyOf<EligibilityDecisionResponse>(res).policyVersion).toBe('vn-decree-261-2025');
  });

  it('records a justified "eligible" override of Decree 261 for an applicant over the income ceiling', async () => {
    const id = await submit({ monthlyIncomeVnd: 25_000_000 });
    const justification = 'Thu nhập giảm từ tháng 9 (Mẫu 05, xác nhận của công an xã)';
    const res = await decide(id, { decidedAt: '2025-11-01', justification }).expect(201);
    expect(res.body).toMatchObject({ outcome: 'eligible', policyVersion: 'vn-decree-261-2025', policyOutcome: 'ineligible' });
    const [event] = await decisionsOf(id);
    expect(event.data).toMatchObject({ outcome: 'eligible', justification, policyVersion: 'vn-decree-261-2025', policyOutcome: 'ineligible' });
    expect(event.data.policyReasons).toEqual([expect.stringMatching(/25,000,000 VND exceeds the 20,000,000 VND ceiling for a single applicant/)]);
  });

  it('refuses that override without justification: 409 JUSTIFICATION_REQUIRED, nothing written', async () => {
    const id = await submit({ monthlyIncomeVnd: 25_000_000 });
    const before = await eventCount(t);
    const res = await decide(id, { decidedAt: '2025-11-01' }).expect(409);
    expect(res.body).toMatchObject({ code: 'JUSTIFICATION_REQUIRED', messageEn: [expect.stringMatching(/vn-decree-261-2025/)] });
    expect(errorOf(res).message).toEqual(['Quyết định khác với kết quả theo chính sách phải kèm lý do giải trình']);
    expect(await eventCount(t)).toBe(before);
  });

  it('judges the declaration as amended, not as first submitted', async () => {
    const id = await submit({ monthlyIncomeVnd: 18_000_000 });
    const amendedAt = '2025-10-01T02:00:00.000Z';
    await appendRaw(t, `application-${id}`, [
      { type: 'ApplicationAmended', data: { applicationId: id, changes: { monthlyIncomeVnd: 14_000_000 }, reason: 'Bảng lương mới', amendedAt } },
    ]);
    const res = await decide(id, { decidedAt: '2025-10-09' }).expect(201);
    expect(res.body).toMatchObject({ policyVersion: 'vn-decree-100-2024', policyOutcome: 'eligible' });
  });

  it('applies the married ceiling when a spouse is declared', async () => {
    const id = await submit({ monthlyIncomeVnd: 35_000_000, household: [spouse] });
    const res = await decide(id).expect(201);
    expect(bodyOf<EligibilityDecisionResponse>(res).policyOutcome).toBe('eligible');
    expect(bodyOf<EligibilityDecisionResponse>(res).reasons).toEqual(expect.arrayContaining([expect.stringMatching(/40,000,000 VND ceiling for a married couple/)]));
  });

  it('counts a live benefit of the applicant, or a past purchase of the spouse, as a prior benefit', async () => {
    const live = await submit();
    const claim = (citizenId: string) => ({
      citizenId, claimId: `old-${citizenId}`, applicationId: 'old', projectId: 'old', unitNo: 'A-1', provinceCode: '31', tenure: 'sale', claimedAt: '2020-01-01T00:00:00Z',
    });
    await appendRaw(t, `person-${await citizenOf(live)}`, [{ type: 'BenefitClaimed', data: claim(await citizenOf(live)) }]);
    const spouseId = '031088900001';
    const married = await submit({ household: [{ ...spouse, citizenId: spouseId }] });
    await appendRaw(t, `person-${spouseId}`, [
      { type: 'BenefitClaimed', data: claim(spouseId) },
      { type: 'BenefitReleased', data: { citizenId: spouseId, claimId: `old-${spouseId}`, reason: 'resale', releasedAt: '2024-01-01T00:00:00Z' } },
    ]);
    for (const id of [live, married]) {
      const res = await decide(id, { outcome: 'ineligible' }).expect(201);
      expect(bodyOf<EligibilityDecisionResponse>(res).policyOutcome).toBe('ineligible');
      expect(bodyOf<EligibilityDecisionResponse>(res).reasons).toEqual([expect.stringMatching(/already had a housing benefit, which bars buying social housing/)]);
    }
  });

  it('refuses a decision on a withdrawn application: 409 APPLICATION_WITHDRAWN, nothing written', async () => {
    const id = await submit();
    await boardPost(t, `/applications/${id}/withdrawal`, { reason: 'Rút hồ sơ' }).expect(201);
    const before = await eventCount(t);
    const res = await decide(id).expect(409);
    expect(errorOf(res).code).toBe('APPLICATION_WITHDRAWN');
    expect(await eventCount(t)).toBe(before);
  });

  it.each([
    ['dated after today', { decidedAt: '2099-01-01' }, 400, 'DECISION_IN_FUTURE'],
    ['dated before the submission', { decidedAt: '2025-09-14' }, 400, 'DECISION_BEFORE_SUBMISSION'],
  ])('refuses a decision %s, writing nothing', async (_, overrides, status, code) => {
    const id = await submit();
    const before = await eventCount(t);
    const res = await decide(id, overrides).expect(status);
    expect(errorOf(res).code).toBe(code);
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 409 NO_POLICY_IN_FORCE for a day no encoded version covers (Hải Phòng before August 2024)', async () => {
    const id = await submit({ submittedAt: '2024-05-02' });
    const before = await eventCount(t);
    const res = await decide(id, { decidedAt: '2024-06-01' }).expect(409);
    expect(errorOf(res).code).toBe('NO_POLICY_IN_FORCE');
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 404 APPLICATION_NOT_FOUND for an unknown application', async () => {
    const res = await decide('hs-unknown').expect(404);
    expect(errorOf(res).code).toBe('APPLICATION_NOT_FOUND');
  });

  it('forbids another province’s board, inspectors and police (403), writing nothing', async () => {
    const id = await submit();
    const before = await eventCount(t);
    await decide(id, {}, '56').expect(403);
    for (const role of ['inspector', 'police'] as const) await postAs(t, role, `/applications/${id}/eligibility-decisions`, decisionBody()).expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing', async () => {
    const id = await submit();
    const key = { 'Idempotency-Key': 'decide-1' };
    const first = await boardPost(t, `/applications/${id}/eligibility-decisions`, decisionBody(), '31', key).expect(201);
    const before = await eventCount(t);
    const again = await boardPost(t, `/applications/${id}/eligibility-decisions`, decisionBody(), '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
    expect(await decisionsOf(id)).toHaveLength(1);
  });

  it('refuses bad input with 400, naming the field, and writes nothing', async () => {
    const id = await submit();
    const body = decisionBody();
    await expectRefusedWithoutWrites(t, `/applications/${id}/eligibility-decisions`, [
      ['no body', {}, /^outcome is required$/],
      ['unknown outcome', { ...body, outcome: 'maybe' }, /^outcome must be one of/],
      ['blank decision number', { ...body, decisionNo: ' ' }, /^decisionNo must not be blank/],
      ['no signer', { ...body, decidedBy: undefined }, /^decidedBy is required$/],
      ['decided on 30 February', { ...body, decidedAt: '2025-02-30' }, /^decidedAt must be a real ISO date/],
      ['decided "today"', { ...body, decidedAt: 'hôm nay' }, /^decidedAt must be a real ISO date/],
      ['reasons as text', { ...body, reasons: 'đủ' }, /^reasons must be an array/],
      ['a blank reason', { ...body, reasons: ['ok', '  '] }, /^each value in reasons must not be blank/],
      ['a reason as number', { ...body, reasons: [78] }, /^each value in reasons must be a string/],
      ['blank justification', { ...body, justification: '   ' }, /^justification must not be blank/],
      ['unknown field', { ...body, policyVersion: 'vn-decree-100-2024' }, /^property policyVersion should not exist/],
    ]);
    await expectRefusedWithoutWrites(t, '/applications/hs.bad/eligibility-decisions', [['id with a dot', body, /^id must be 1 to 64 letters/]]);
  });

  it('is described in the OpenAPI document, saying the response’s reasons are the policy’s', () => {
    const doc = buildOpenApiDocument(t.app);
    const operation = doc.paths['/api/v1/applications/{id}/eligibility-decisions'].post;
    expect(operation?.tags).toEqual(['boards']);
    expect(operation?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]));
    expect(JSON.stringify(doc.components?.schemas?.EligibilityDecisionResponse)).toMatch(/POLICY’s reasons/);
  });
});
