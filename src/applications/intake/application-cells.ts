import type { Tenure } from '../../allocation/domain/unit.events';
import { coded } from '../../shared/spreadsheet/clerk-cells';
import type { BeneficiaryCategory, HouseholdRelation } from '../domain/application.events';
import { CATEGORY_CODES, CATEGORY_NAMES_VI } from './category-names';

/** The application's coded cells as boards type them; the generic ones (dates, amounts, ids, Nam/Nữ) are shared with the registry extracts. */
export const readTenure = coded<Tenure>(
  { mua: 'sale', 'thuê': 'rent', 'thuê mua': 'hire-purchase', sale: 'sale', rent: 'rent', 'hire-purchase': 'hire-purchase' },
  'mua, thuê, thuê mua',
  'mua, thuê, thuê mua, sale, rent, hire-purchase',
);

export const readYesNo = coded<'yes' | 'no'>(
  { 'có': 'yes', 'không': 'no', yes: 'yes', no: 'no', true: 'yes', false: 'no', x: 'yes', '1': 'yes', '0': 'no' },
  'Có, Không',
  'Có, Không, yes, no',
);

export const readRelation = coded<HouseholdRelation>(
  {
    'vợ': 'spouse', 'chồng': 'spouse', 'vợ/chồng': 'spouse', spouse: 'spouse',
    con: 'child', 'con đẻ': 'child', 'con nuôi': 'child', child: 'child',
    'bố': 'parent', 'mẹ': 'parent', cha: 'parent', 'bố/mẹ': 'parent', parent: 'parent',
    'khác': 'other', other: 'other',
  },
  'vợ, chồng, con, bố, mẹ, khác',
  'vợ, chồng, con, bố, mẹ, khác, spouse, child, parent, other',
);

export const readCategory = coded<BeneficiaryCategory>(
  Object.fromEntries([
    ...CATEGORY_CODES.map((code) => [code, code] as const),
    ...CATEGORY_CODES.map((code) => [CATEGORY_NAMES_VI[code], code] as const),
  ]),
  Object.values(CATEGORY_NAMES_VI).join('; '),
  CATEGORY_CODES.join(', '),
);
