import { expect } from '@jest/globals';
import { ninhThuanResolution02Of2007 } from '../policies/ninh-thuan-resolution-02-2007.policy';
import { POLICY_FILES } from '../policies/policy-files';
import { decree100Of2024 } from '../policies/vn-decree-100-2024.policy';
import { decree261Of2025 } from '../policies/vn-decree-261-2025.policy';
import { InvalidPolicyVersion, NoPolicyInForce, OverlappingPolicyVersions } from './eligibility.errors';
import { evaluateEligibility } from './evaluate-eligibility';
import type { PolicyVersion } from './policy';
import { type PolicyFile, PolicyCatalogue } from './policy-catalogue';

const FILE = 'vn-decree-100-2024.policy.ts';

/** Decree 100/2024's data with one field replaced (or removed, for `undefined`), as a careless edit would leave it. */
function edited(path: string, value: unknown): PolicyFile {
  const policy = structuredClone(decree100Of2024) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, policy);
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return { file: FILE, policy };
}

const file = (policy: PolicyVersion): PolicyFile => ({ file: `${policy.id}.policy.ts`, policy });

/** A Hải Phòng version applying Decree 261/2025 with a coefficient, to prove a province's own version wins. */
const haiPhong: PolicyVersion = {
  ...decree261Of2025,
  id: 'hai-phong-coefficient-2025',
  citation: 'Hải Phòng decision on Decree 261/2025',
  scope: { provinces: ['31'] },
  income: {
    kind: 'household-ceilings', tenures: ['sale', 'hire-purchase'], categories: ['worker'],
    ceilingsVnd: { single: 20_000_000, singleParentWithMinor: 30_000_000, married: 40_000_000 }, provincialCoefficient: 1.25,
  },
};

describe('PolicyCatalogue', () => {
  describe('loading', () => {
    it('given the shipped policy files, when loaded, then every version is available', () =>
      expect(new PolicyCatalogue(POLICY_FILES).versions.map((p) => p.id)).toEqual([
        'vn-decree-100-2024', 'vn-decree-261-2025', 'vn-decree-136-2026', 'ninh-thuan-resolution-02-2007',
      ]));

    it.each([
      ['income.ceilingsVnd.single', -1, /field "income\.ceilingsVnd\.single" must be a positive whole number, got -1/],
      ['income.ceilingsVnd.married', '30000000', /field "income\.ceilingsVnd\.married" must be a positive whole number/],
      ['tenures.sale', ['worker', 'pensioner'], /field "tenures\.sale\[1\]" must be one of .*got "pensioner"/],
      ['tenures.rent', ['worker', 'worker'], /field "tenures\.rent\[1\]" repeats "worker"/],
      ['effectiveFrom', undefined, /field "effectiveFrom" is missing/],
      ['effectiveFrom', '2024-02-30', /field "effectiveFrom" must be a date YYYY-MM-DD, got "2024-02-30"/],
      ['effectiveTo', '2024-07-31', /field "effectiveTo" must not be before effectiveFrom 2024-08-01/],
      ['categoryOpening', {}, /field "categoryOpening" is not a known field/],
      ['id', 'vn-decree-100', /field "id" must be the file's name without "\.policy\.ts"/],
      ['scope.provinces', ['HP'], /field "scope\.provinces\[0\]" must be "national" or 2-digit province codes/],
      ['housing.floorAreaPerPersonBelowM2', 0, /field "housing\.floorAreaPerPersonBelowM2" must be a positive number, got 0/],
      ['income.kind', 'per-capita', /field "income\.kind" must be one of household-ceilings, rent-multiple-band/],
      ['income.rentPerM2ByZoneVnd', {}, /field "income\.rentPerM2ByZoneVnd" is not a known field/],
      ['verified', 'yes', /field "verified" must be true or false/],
    ])('given a file whose %s is %p, when loaded, then refused naming the file and field', (path, value, message) => {
      const load = () => new PolicyCatalogue([edited(path, value)]);
      expect(load).toThrow(InvalidPolicyVersion);
      expect(load).toThrow(new RegExp(`^Policy file ${FILE.replace(/\./g, '\\.')}: ${message.source}`));
    });

    it('given a rent band whose default zone is not priced, when loaded, then refused', () => {
      const policy = structuredClone(ninhThuanResolution02Of2007);
      if (policy.income.kind === 'rent-multiple-band') policy.income.defaultRentZone = 'urban-class-ii';
      expect(() => new PolicyCatalogue([file(policy)])).toThrow(/field "income\.defaultRentZone" must be one of rural-plains/);
    });

    it('given two files with the same id, when loaded, then refused', () =>
      expect(() => new PolicyCatalogue([file(decree100Of2024), { file: 'copy.policy.ts', policy: decree100Of2024 }])).toThrow(InvalidPolicyVersion));

    it('given two national versions sharing a day, when loaded, then refused naming both files', () => {
      const load = () => new PolicyCatalogue([{ file: FILE, policy: { ...decree100Of2024, effectiveTo: '2025-10-10' } }, file(decree261Of2025)]);
      expect(load).toThrow(OverlappingPolicyVersions);
      expect(load).toThrow(/vn-decree-100-2024\.policy\.ts .* and vn-decree-261-2025\.policy\.ts .* for the whole country/);
    });

    it('given two versions of one province overlapping in time, when loaded, then refused', () =>
      expect(() => new PolicyCatalogue([file(haiPhong), file({ ...haiPhong, id: 'hai-phong-other', scope: { provinces: ['30', '31'] } })])).toThrow(/for province 31/));

    it('given versions of different provinces, or a province and the nation, on the same days, when loaded, then accepted', () =>
      expect(() => new PolicyCatalogue([file(haiPhong), file({ ...haiPhong, id: 'khanh-hoa', scope: { provinces: ['56'] } }), file(decree261Of2025)])).not.toThrow());
  });

  describe('choosing the version in force', () => {
    const catalogue = new PolicyCatalogue([...POLICY_FILES, file(haiPhong)]);

    it.each([
      ['2024-08-01', 'vn-decree-100-2024'], ['2025-10-09', 'vn-decree-100-2024'], ['2025-10-10', 'vn-decree-261-2025'],
      ['2026-04-06', 'vn-decree-261-2025'], ['2026-04-07', 'vn-decree-136-2026'], ['2031-01-01', 'vn-decree-136-2026'],
    ])('given Hà Nội on %s, when chosen, then %s', (date, id) => expect(catalogue.inForce('01', date).id).toBe(id));

    it("given Hải Phòng's own version, when a Hải Phòng file is judged, then it wins over the national decree", () => {
      const policy = catalogue.inForce('31', '2025-11-03');
      expect(policy.id).toBe('hai-phong-coefficient-2025');
      expect(evaluateEligibility({
        category: 'worker', tenure: 'sale', provinceCode: '31', decisionDate: '2025-11-03', monthlyIncomeVnd: 25_000_000,
        householdKind: 'single', housing: { ownsHome: false }, hasPriorBenefit: false,
      }, policy).outcome).toBe('eligible');
    });

    it("given Hải Phòng's version ended, when a later Hải Phòng file is judged, then the national decree applies", () =>
      expect(catalogue.inForce('31', '2026-04-07').id).toBe('vn-decree-136-2026'));

    it('given a day before any encoded version, when chosen, then NO_POLICY_IN_FORCE (409)', () => {
      const choose = () => catalogue.inForce('01', '2024-07-31');
      expect(choose).toThrow(NoPolicyInForce);
      expect(choose).toThrow(expect.objectContaining({ status: 409, code: 'NO_POLICY_IN_FORCE' }));
    });

    it('given an instant instead of a day, when chosen, then the call is refused', () =>
      expect(() => catalogue.inForce('01', '2025-10-09T20:00:00Z')).toThrow(RangeError));
  });
});
