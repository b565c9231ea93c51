import type { EligibilityDecided } from '../../src/applications/domain/application.events';
import type { PopulationCheckRecorded } from '../../src/population/domain/population-check.events';
import type { PersonCheck } from '../../src/population/domain/population-check.events';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

const clean = (citizenId: string, role: PersonCheck['role'] = 'applicant'): PersonCheck => ({
  citizenId,
  role,
  identity: 'match',
  alive: true,
  residenceProvince: '31',
  household: 'consistent',
  identityReasons: [],
  undeclaredSpouseCitizenId: null,
  ownsHousingInProvince: false,
  housingCertificates: [],
  undeclaredSpouseOwnsHousingInProvince: null,
});

const check = (applicationId: string, persons: PersonCheck[]): PopulationCheckRecorded => ({
  type: 'PopulationCheckRecorded',
  data: {
    applicationId,
    provinceCode: '31',
    checkedAt: '2026-04-01',
    sources: { population: { kind: 'extract', snapshot: 'population-extract-1' }, land: { kind: 'extract', snapshot: 'land-extract-1' } },
    persons,
  },
});

const decided = (applicationId: string, outcome: 'eligible' | 'ineligible'): EligibilityDecided => ({
  type: 'EligibilityDecided',
  data: {
    applicationId, outcome, decisionNo: 'QĐ-1', decidedBy: 'Hội đồng', decidedAt: '2026-04-10', reasons: [], justification: null,
    policyVersion: 'vn-decree-136-2026', policyOutcome: outcome, policyReasons: [],
  },
});

describe('detector: registry-mismatch', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');
  const open = async () => (await h.findings('registry-mismatch')).filter((f) => f.status === 'open');

  it.each([
    ['unknown-person', { identity: 'unknown' as const, alive: null }],
    ['deceased', { alive: false }],
    ['housing-owned', { ownsHousingInProvince: true }],
    ['undeclared-spouse', { household: 'undeclared-spouse' as const, undeclaredSpouseCitizenId: '031088004321' }],
    ['household-differs', { household: 'declared-spouse-not-spouse' as const }],
    ['identity-mismatch', { identity: 'birth-date-mismatch' as const }],
  ])('raises %s from the police check, with the check as evidence', async (kind, problem) => {
    const id = `rm-${kind}`;
    await h.write(`application-${id}`, [submitted(lan, { applicationId: id })]);
    const [checkEvent] = await h.write(`application-${id}`, [check(id, [{ ...clean(lan.citizenId), ...problem }])]);
    await h.project();
    const found = (await open()).filter((f) => f.details.kind === kind);
    expect(found).toHaveLength(1);
    expect(found[0].evidence).toEqual([{ eventId: checkEvent, stream: `application-${id}` }]);
  });

  it('raises nothing for a clean check', async () => {
    await h.write('application-rm-clean', [submitted(lan, { applicationId: 'rm-clean' }), check('rm-clean', [clean(lan.citizenId)])]);
    await h.project();
    expect((await open()).filter((f) => f.summary.includes('rm-clean'))).toEqual([]);
  });

  it('raises an "eligible after a failed check" finding, and closes everything when a later check is clean', async () => {
    await h.write('application-rm-late', [submitted(lan, { applicationId: 'rm-late' }), check('rm-late', [{ ...clean(lan.citizenId), alive: false }])]);
    const [decision] = await h.write('application-rm-late', [decided('rm-late', 'eligible')]);
    await h.project();
    const late = (await open()).find((f) => f.summary.includes('rm-late') && f.summary.includes('được xét đủ điều kiện sau'));
    expect(late?.evidence.map((e) => e.eventId)).toContain(decision);

    const [recheck] = await h.write('application-rm-late', [check('rm-late', [clean(lan.citizenId)])]);
    await h.project();
    const closed = (await h.findings('registry-mismatch')).filter((f) => f.summary.includes('rm-late'));
    expect(closed.map((f) => [f.status, f.closed_by_event_id])).toEqual(closed.map(() => ['closed', recheck]));
  });

  it('keeps the "eligible after a failed check" finding open through failing re-checks, until a clean one', async () => {
    const id = 'rm-recheck';
    const lateOf = async () => (await h.findings('registry-mismatch')).find((f) => f.summary.includes(id) && f.summary.includes('được xét đủ điều kiện sau'));
    // Given a file whose check failed, decided eligible afterwards
    await h.write(`application-${id}`, [submitted(lan, { applicationId: id }), check(id, [{ ...clean(lan.citizenId), alive: false }])]);
    const [decision] = await h.write(`application-${id}`, [decided(id, 'eligible')]);
    await h.project();
    expect((await lateOf())?.status).toBe('open');
    // When the board has it checked again, and the check fails again
    const [recheck] = await h.write(`application-${id}`, [check(id, [{ ...clean(lan.citizenId), ownsHousingInProvince: true }])]);
    await h.project();
    // Then the finding holds, now on the new check and the same decision
    const held = await lateOf();
    expect(held?.status).toBe('open');
    expect(held?.evidence.map((e) => e.eventId)).toEqual([recheck, decision]);
    // And a clean check closes it
    const [cleared] = await h.write(`application-${id}`, [check(id, [clean(lan.citizenId)])]);
    await h.project();
    expect([(await lateOf())?.status, (await lateOf())?.closed_by_event_id]).toEqual(['closed', cleared]);
  });

  it('does not flag an eligible decision taken before the check', async () => {
    await h.write('application-rm-before', [submitted(lan, { applicationId: 'rm-before' }), decided('rm-before', 'eligible')]);
    await h.write('application-rm-before', [check('rm-before', [{ ...clean(lan.citizenId), ownsHousingInProvince: true }])]);
    await h.project();
    const ids = (await open()).filter((f) => f.summary.includes('rm-before')).map((f) => f.details.kind);
    expect(ids).toEqual(['housing-owned']);
  });

  it('counts housing against the applicant and spouse, not a child, and names a hidden spouse who owns housing', async () => {
    const child = { ...clean('031205001111', 'child'), ownsHousingInProvince: true, housingCertificates: ['CT-01'] };
    const hidden = {
      ...clean(lan.citizenId),
      household: 'undeclared-spouse' as const,
      undeclaredSpouseCitizenId: '031088004321',
      undeclaredSpouseOwnsHousingInProvince: true,
    };
    await h.write('application-rm-hidden', [submitted(lan, { applicationId: 'rm-hidden' }), check('rm-hidden', [hidden, child])]);
    await h.project();
    const found = (await open()).filter((f) => f.summary.includes('rm-hidden'));
    expect(found.map((f) => [f.details.kind, f.citizen_ids]).sort()).toEqual([
      ['housing-owned', [lan.citizenId, '031088004321']],
      ['undeclared-spouse', [lan.citizenId, '031088004321']],
    ]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});
