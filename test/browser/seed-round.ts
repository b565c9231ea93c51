/**
 * A Hải Phòng round through the API, as a board would run it, with two planted abuses so the
 * detectors have findings to show: Nguyễn Thị Lan applies in two projects (duplicate-applicant)
 * and unit A-1201 is resold above its price a few months after handover (early-resale).
 */
export const PROJECT = 'hp-trang-cat';
export const LAN = '031190001234';

/** `haiDuongToken`: a board of Hải Dương (30), which sets its own programme targets (5.860 and 10.060). */
export async function seedRound(base: string, boardToken: string, haiDuongToken: string): Promise<void> {
  const post = async (path: string, body: object, expected = 201, token = boardToken) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id?: string };
    if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const project = (id: string, name: string) =>
    post('/projects', { id, name, provinceCode: '31', investor: 'Công ty CP Đầu tư Xây dựng Hải Phòng', kind: 'new', landAreaM2: 52_000, plannedUnits: 1_200 });
  await project(PROJECT, 'Nhà ở xã hội Tràng Cát');
  await project('hp-an-dong', 'Nhà ở xã hội An Đồng');
  await post(`/projects/${PROJECT}/units`, {
    units: [
      { unitNo: 'A-1201', floorAreaM2: 56, tenure: 'sale', priceVnd: 1_150_000_000 },
      { unitNo: 'A-1202', floorAreaM2: 62, tenure: 'sale', priceVnd: 1_270_000_000 },
      { unitNo: 'A-1203', floorAreaM2: 48, tenure: 'rent', priceVnd: 900_000_000 },
    ],
  });
  const submit = async (projectId: string, citizenId: string, fullName: string, dateOfBirth: string) =>
    (await post('/applications', {
      projectId, tenure: 'sale', applicant: { citizenId, fullName, dateOfBirth }, household: [], category: 'worker', monthlyIncomeVnd: 14_500_000,
      housing: { ownsHome: false }, submittedAt: '2026-05-04T09:00:00+07:00', receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
    })).id as string;
  const lan = await submit(PROJECT, LAN, 'Nguyễn Thị Lan', '1990-04-12');
  const binh = await submit(PROJECT, '031187004321', 'Trần Văn Bình', '1987-11-02');
  await submit('hp-an-dong', LAN, 'Nguyễn Thị Lan', '1990-04-12');
  for (const id of [lan, binh]) {
    await post(`/applications/${id}/eligibility-decisions`, { outcome: 'eligible', decisionNo: `QĐ-${id.slice(0, 8)}`, decidedBy: 'Hội đồng xét duyệt', decidedAt: '2026-06-01' });
  }
  await post(`/projects/${PROJECT}/priority-rankings`, { method: 'ballot', ranking: [binh, lan] });
  const allocate = (applicationId: string, unitNo: string, decisionNo: string) =>
    post('/allocations', { applicationId, projectId: PROJECT, unitNo, decisionNo, decidedBy: 'Nguyễn Văn An', decidedAt: '2026-06-15' });
  await allocate(binh, 'A-1201', '1601/QĐ-SXD');
  await allocate(lan, 'A-1202', '1602/QĐ-SXD');
  await post(`/units/${PROJECT}/A-1201/handover`, { handedOverAt: '2026-07-01', contractNo: 'HĐ-2026/0457', fullyPaidAt: '2026-07-01' });
  await post(`/units/${PROJECT}/A-1201/transfers`, { transferredAt: '2026-10-01', kind: 'resale', toCitizenId: '031195000999', priceVnd: 1_900_000_000 });
  await post('/land-fund/obligations', { commercialProjectId: 'hp-marina', name: 'Khu đô thị Vinhomes Marina', provinceCode: '31', residentialLandAreaM2: 120_000, dueDate: '2027-12-31' });
  await post('/land-fund/obligations/hp-marina/handovers', { form: 'land', areaM2: 10_000, parcel: 'Tờ 12, thửa 345', handedOverAt: '2026-09-01' });
  await post('/programmes/31/targets', { period: '2021-2025', units: 15_400 });
  await post('/programmes/31/targets', { period: '2026-2030', units: 18_100 });
  await post('/programmes/30/targets', { period: '2021-2025', units: 5_860 }, 201, haiDuongToken);
  await post('/programmes/30/targets', { period: '2026-2030', units: 10_060 }, 201, haiDuongToken);
}
