import { isProvinceCode } from '../../shared/province';
import { FieldReader } from './field-reader';
import {
  CATEGORIES,
  type Category,
  type CategoryOpening,
  type HouseholdCeilingRule,
  type HouseholdCeilings,
  type HousingRule,
  type IncomeRule,
  type PolicyVersion,
  type RentMultiple,
  type RentMultipleBandRule,
  TENURES,
  type Tenure,
} from './policy';

type Fields = Record<string, unknown>;

/**
 * Checks one policy data module and returns it rebuilt from the checked fields only. The modules are
 * typed, but an operator may correct an unverified figure by hand (in the source or the built
 * JavaScript), so the catalogue trusts nothing it has not read here.
 */
export function validatePolicy(file: string, value: unknown): PolicyVersion {
  const read = new FieldReader(file);
  const root = read.object(
    value, '',
    ['id', 'title', 'citation', 'source', 'scope', 'effectiveFrom', 'effectiveTo', 'verified', 'tenures', 'priorBenefitBars', 'housing', 'income'],
    ['categoryOpenings'],
  );
  const id = read.string(root.id, 'id');
  if (`${id}.policy.ts` !== file) read.fail('id', `must be the file's name without ".policy.ts", got ${JSON.stringify(id)}`);
  const effectiveFrom = read.date(root.effectiveFrom, 'effectiveFrom');
  const effectiveTo = root.effectiveTo === null ? null : read.date(root.effectiveTo, 'effectiveTo');
  if (effectiveTo !== null && effectiveTo < effectiveFrom) read.fail('effectiveTo', `must not be before effectiveFrom ${effectiveFrom}`);

  const policy: PolicyVersion = {
    id,
    title: read.string(root.title, 'title'),
    citation: read.string(root.citation, 'citation'),
    source: read.string(root.source, 'source'),
    scope: { provinces: scope(read, root.scope) },
    effectiveFrom,
    effectiveTo,
    verified: read.boolean(root.verified, 'verified'),
    tenures: tenures(read, root.tenures),
    priorBenefitBars: tenureList(read, root.priorBenefitBars, 'priorBenefitBars'),
    housing: housing(read, root.housing),
    income: income(read, root.income),
  };
  if (root.categoryOpenings !== undefined) {
    policy.categoryOpenings = read.record(root.categoryOpenings, 'categoryOpenings', (opening, path): CategoryOpening => {
      const { from, citation } = read.object(opening, path, ['from', 'citation']);
      return { from: read.date(from, `${path}.from`), citation: read.string(citation, `${path}.citation`) };
    }, CATEGORIES);
  }
  return policy;
}

function scope(read: FieldReader, value: unknown): string[] | 'national' {
  const { provinces } = read.object(value, 'scope', ['provinces']);
  if (provinces === 'national') return provinces;
  const codes = read.list(provinces, 'scope.provinces', (code, path) => {
    if (typeof code !== 'string' || !isProvinceCode(code)) read.fail(path, `must be "national" or 2-digit province codes, got ${JSON.stringify(code)}`);
    return code;
  });
  if (codes.length === 0) read.fail('scope.provinces', 'must be "national" or name at least one province');
  return codes;
}

function tenureList(read: FieldReader, value: unknown, path: string): Tenure[] {
  return read.list(value, path, (item, at) => read.oneOf(item, at, TENURES));
}

function categoryList(read: FieldReader, value: unknown, path: string): Category[] {
  return read.list(value, path, (item, at) => read.oneOf(item, at, CATEGORIES));
}

function tenures(read: FieldReader, value: unknown): Record<Tenure, Category[]> {
  const fields = read.object(value, 'tenures', TENURES);
  return {
    sale: categoryList(read, fields.sale, 'tenures.sale'),
    rent: categoryList(read, fields.rent, 'tenures.rent'),
    'hire-purchase': categoryList(read, fields['hire-purchase'], 'tenures.hire-purchase'),
  };
}

function housing(read: FieldReader, value: unknown): HousingRule {
  const fields = read.object(value, 'housing', ['tenures', 'floorAreaPerPersonBelowM2', 'temporaryHousingQualifies']);
  return {
    tenures: tenureList(read, fields.tenures, 'housing.tenures'),
    floorAreaPerPersonBelowM2: read.positiveNumber(fields.floorAreaPerPersonBelowM2, 'housing.floorAreaPerPersonBelowM2'),
    temporaryHousingQualifies: read.boolean(fields.temporaryHousingQualifies, 'housing.temporaryHousingQualifies'),
  };
}

function income(read: FieldReader, value: unknown): IncomeRule {
  const kinds = ['household-ceilings', 'rent-multiple-band'] as const;
  switch (read.oneOf(read.anyObject(value, 'income').kind, 'income.kind', kinds)) {
    case 'household-ceilings':
      return householdCeilings(read, read.object(value, 'income', ['kind', 'tenures', 'categories', 'ceilingsVnd'], ['ceilingsByCategoryVnd', 'provincialCoefficient']));
    case 'rent-multiple-band':
      return rentBand(read, read.object(value, 'income', ['kind', 'tenures', 'categories', 'rentPerM2ByZoneVnd', 'defaultRentZone', 'atMost', 'atLeast']));
  }
}

function householdCeilings(read: FieldReader, fields: Fields): HouseholdCeilingRule {
  const rule: HouseholdCeilingRule = {
    kind: 'household-ceilings',
    tenures: tenureList(read, fields.tenures, 'income.tenures'),
    categories: categoryList(read, fields.categories, 'income.categories'),
    ceilingsVnd: ceilings(read, fields.ceilingsVnd, 'income.ceilingsVnd'),
  };
  if (fields.ceilingsByCategoryVnd !== undefined) {
    rule.ceilingsByCategoryVnd = read.record(fields.ceilingsByCategoryVnd, 'income.ceilingsByCategoryVnd', (c, path) => ceilings(read, c, path), CATEGORIES);
  }
  if (fields.provincialCoefficient !== undefined) {
    rule.provincialCoefficient = read.positiveNumber(fields.provincialCoefficient, 'income.provincialCoefficient');
  }
  return rule;
}

function rentBand(read: FieldReader, fields: Fields): RentMultipleBandRule {
  const rentPerM2ByZoneVnd = read.record(fields.rentPerM2ByZoneVnd, 'income.rentPerM2ByZoneVnd', (rent, path) => read.positiveInteger(rent, path));
  return {
    kind: 'rent-multiple-band',
    tenures: tenureList(read, fields.tenures, 'income.tenures'),
    categories: categoryList(read, fields.categories, 'income.categories'),
    rentPerM2ByZoneVnd,
    defaultRentZone: read.oneOf(fields.defaultRentZone, 'income.defaultRentZone', Object.keys(rentPerM2ByZoneVnd)),
    atMost: multiple(read, fields.atMost, 'income.atMost'),
    atLeast: multiple(read, fields.atLeast, 'income.atLeast'),
  };
}

function ceilings(read: FieldReader, value: unknown, path: string): HouseholdCeilings {
  const fields = read.object(value, path, ['single', 'singleParentWithMinor', 'married']);
  return {
    single: read.positiveInteger(fields.single, `${path}.single`),
    singleParentWithMinor: read.positiveInteger(fields.singleParentWithMinor, `${path}.singleParentWithMinor`),
    married: read.positiveInteger(fields.married, `${path}.married`),
  };
}

function multiple(read: FieldReader, value: unknown, path: string): RentMultiple {
  const fields = read.object(value, path, ['multiple', 'unitAreaM2']);
  return { multiple: read.positiveNumber(fields.multiple, `${path}.multiple`), unitAreaM2: read.positiveInteger(fields.unitAreaM2, `${path}.unitAreaM2`) };
}
