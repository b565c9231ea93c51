import type { PolicyVersion } from '../domain/policy';

/**
 * Ninh Thuận People's Council Resolution 02/2007/NQ-HĐND, Art. 1(2) and 1(5) (seed document):
 * renting and hire-purchase only, for civil servants, armed forces, workers of economic and
 * industrial zones, and civil servants returning public-duty housing.
 *
 * Dates: adopted 2007-07-26, "in force 10 days after" → 2007-08-05. The resolution was never seen
 * repealed; we ASSUME it stopped governing when Housing Law 65/2014/QH13 took effect on 2015-07-01,
 * so its last day is 2015-06-30.
 */
export const ninhThuanResolution02Of2007: PolicyVersion = {
  id: 'ninh-thuan-resolution-02-2007',
  title: 'Ninh Thuận Resolution 02/2007/NQ-HĐND approving the social housing scheme of the province',
  citation: 'Ninh Thuận Resolution 02/2007/NQ-HĐND',
  source: 'Full text of the resolution (shared/seeds); end date assumed (Housing Law 2014 in force 2015-07-01)',
  scope: { provinces: ['58'] },
  effectiveFrom: '2007-08-05',
  effectiveTo: '2015-06-30',
  verified: true,
  // "Workers" are those of economic, industrial, export-processing and high-tech zones only: the
  // board must check that, as the `worker` code does not distinguish them.
  tenures: {
    sale: [],
    rent: ['civil-servant', 'armed-forces', 'worker', 'returned-official-housing'],
    'hire-purchase': ['civil-servant', 'armed-forces', 'worker', 'returned-official-housing'],
  },
  // "chưa được thuê hoặc thuê mua nhà ở thuộc sở hữu Nhà nước": renters are not exempt here.
  priorBenefitBars: ['rent', 'hire-purchase'],
  housing: { tenures: ['rent', 'hire-purchase'], floorAreaPerPersonBelowM2: 5, temporaryHousingQualifies: true },
  // Rent caps of Art. 1(5)(c), VND per m² per month. The default zone is urban class III: the
  // 2007–2010 pilot was in Phan Rang–Tháp Chàm (Art. 1(1)(b)), a class III city then (assumption).
  income: {
    kind: 'rent-multiple-band',
    tenures: ['rent', 'hire-purchase'],
    categories: ['civil-servant', 'armed-forces', 'worker', 'returned-official-housing'],
    rentPerM2ByZoneVnd: {
      'rural-plains': 13_000,
      'rural-midlands': 10_000,
      'rural-mountains': 9_000,
      'urban-class-iii': 13_000,
      'urban-class-iv-v': 12_000,
      'industrial-zone': 9_000,
    },
    defaultRentZone: 'urban-class-iii',
    atMost: { multiple: 5, unitAreaM2: 60 },
    atLeast: { multiple: 4, unitAreaM2: 30 },
  },
};
