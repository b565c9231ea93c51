import request from 'supertest';
import { ProjectionsService } from '../../src/projections/projections.service';
import { boardPost } from '../support/board-api';
import { seedApplication, seedProject } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

const decision = { decisionNo: '1532/QĐ-SXD', decidedBy: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng', decidedAt: '2026-06-01' };
const revocation = { reason: 'Cấp sai căn hộ', decisionNo: '1790/QĐ-SXD' };

/** Item 4 of issue 9: a revoked allocation frees the file, on the write side and in the read models. */
describe('revocation frees the application (thu hồi quyết định giao nhà)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedProject(t, 'hp-rv', '31', [{ unitNo: 'V-1' }, { unitNo: 'V-2' }]);
    await seedApplication(t, { applicationId: 'rv-1', projectId: 'hp-rv', citizenId: '031190300001', province: '31' });
  });
  afterAll(() => t.close());

  /** The file as its stream tells it (GET /applications/:id) and as rm_applications holds it after a catch-up. */
  async function file(applicationId: string) {
    const body = bodyOf<{ state: { status: string; allocation: unknown } }>(
      await request(t.app.getHttpServer())
        .get(`/api/v1/applications/${applicationId}`)
        .set(t.auth({ role: 'board', province: '31', subject: 'board-31' }))
        .expect(200),
    );
    await t.app.get(ProjectionsService).catchUpAll();
    const { rows } = await t.db.pool.query<{ status: string; allocation_id: string | null; unit_no: string | null }>(
      'SELECT status, allocation_id, unit_no FROM rm_applications WHERE application_id = $1',
      [applicationId],
    );
    return { state: body.state, row: rows[0] };
  }
  const allocate = (unitNo: string) => boardPost(t, '/allocations', { applicationId: 'rv-1', projectId: 'hp-rv', unitNo, ...decision });
  const revoke = (allocationId: string) => boardPost(t, `/allocations/${allocationId}/revocation`, revocation);

  it('allocate → revoke: the application says "revoked", and the revocation is mirrored on its stream in the same commit', async () => {
    const first = await allocate('V-1').expect(201);
    expect(bodyOf<{ id: string }>(first).id).toBe('hp-rv.V-1.r1');
    await revoke(bodyOf<{ id: string }>(first).id).expect(201);
    const { state, row } = await file('rv-1');
    expect(state).toMatchObject({ status: 'revoked', allocation: null });
    expect(row).toEqual({ status: 'revoked', allocation_id: null, unit_no: null });
    const [onUnit] = (await t.store.readStream('unit-hp-rv.V-1')).filter((e) => e.type === 'AllocationRevoked');
    const [onFile] = (await t.store.readStream('application-rv-1')).filter((e) => e.type === 'AllocationRevoked');
    expect(onFile.data).toMatchObject({ applicationId: 'rv-1', allocationId: 'hp-rv.V-1.r1', projectId: 'hp-rv', unitNo: 'V-1' });
    expect(onFile.position.commit).toBe(onUnit.position.commit);
  });

  it('allocates the same unit again, which the read models show allocated; a second revocation of the first is refused', async () => {
    const again = await allocate('V-1').expect(201);
    expect(bodyOf<{ id: string }>(again).id).toBe('hp-rv.V-1.r3');
    expect((await file('rv-1')).row).toEqual({ status: 'allocated', allocation_id: 'hp-rv.V-1.r3', unit_no: 'V-1' });
    expect(errorOf(await revoke('hp-rv.V-1.r1').expect(409)).code).toBe('ALLOCATION_NOT_IN_FORCE');
    await revoke(bodyOf<{ id: string }>(again).id).expect(201);
    expect((await file('rv-1')).row.status).toBe('revoked');
  });

  it('allocates another unit after a revocation, and revokes that one too', async () => {
    const other = await allocate('V-2').expect(201);
    expect(bodyOf<{ id: string }>(other).id).toBe('hp-rv.V-2.r1');
    expect((await file('rv-1')).state).toMatchObject({ status: 'allocated', allocation: { allocationId: 'hp-rv.V-2.r1', unitNo: 'V-2' } });
    await revoke(bodyOf<{ id: string }>(other).id).expect(201);
    expect((await t.store.readStream('person-031190300001')).map((e) => e.type)).toEqual([
      'BenefitClaimed', 'BenefitReleased', 'BenefitClaimed', 'BenefitReleased', 'BenefitClaimed', 'BenefitReleased',
    ]);
  });

  it('withdraws the revoked file, which then can no longer be allocated', async () => {
    await boardPost(t, '/applications/rv-1/withdrawal', { reason: 'Đã mua nhà thương mại' }).expect(201);
    const { state, row } = await file('rv-1');
    expect(state.status).toBe('withdrawn');
    expect(row.status).toBe('withdrawn');
    expect(errorOf(await allocate('V-1').expect(409)).code).toBe('APPLICATION_WITHDRAWN');
  });
});
