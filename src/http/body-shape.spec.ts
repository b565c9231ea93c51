import { BODY_LIMITS, shapeProblem } from './body-shape';

const nested = (levels: number): unknown => JSON.parse(`{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`);
const wide = (keys: number): Record<string, number> => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

describe('shapeProblem: bounds no DTO comes near', () => {
  it('lets through the deepest and largest bodies a DTO takes', () => {
    const release = { units: Array.from({ length: 2000 }, (_, i) => ({ unitNo: `A-${i}`, floorAreaM2: 56, tenure: 'sale', priceVnd: 1 })) };
    expect(shapeProblem(release)).toBeUndefined();
    expect(shapeProblem({ household: [{ fullName: 'Nguyễn Thị Lan' }], housing: { ownsHome: false } })).toBeUndefined();
    expect(shapeProblem(nested(BODY_LIMITS.depth - 1))).toBeUndefined();
    expect(shapeProblem(wide(BODY_LIMITS.keysPerObject))).toBeUndefined();
  });

  it('refuses a body nested 1,500 levels deep, in Vietnamese, without walking it', () => {
    expect(shapeProblem(nested(1500))?.vi).toMatch(/^Yêu cầu lồng nhau quá sâu/);
    expect(shapeProblem(nested(1500))?.en).toMatch(/nested too deeply/);
    expect(shapeProblem(nested(BODY_LIMITS.depth))?.vi).toMatch(/quá sâu/);
  });

  it('refuses an object of 60,000 keys, a list longer than any DTO takes and a body of too many values in all', () => {
    expect(shapeProblem(wide(60_000))?.vi).toMatch(/quá nhiều trường/);
    expect(shapeProblem({ ranking: Array.from({ length: BODY_LIMITS.itemsPerList + 1 }, () => 'a') })?.vi).toMatch(/danh sách quá dài/);
    expect(shapeProblem({ units: Array.from({ length: 5000 }, () => wide(5)) })?.vi).toMatch(/quá nhiều giá trị/);
  });
});
