import { jaroSimilarity, jaroWinkler } from './jaro-winkler';

describe('jaroWinkler', () => {
  // Reference values of Winkler's papers and the usual test tables.
  it.each([
    ['MARTHA', 'MARHTA', 0.944, 0.961],
    ['DWAYNE', 'DUANE', 0.822, 0.84],
    ['DIXON', 'DICKSONX', 0.767, 0.813],
  ])('%s ~ %s: Jaro %d, Jaro-Winkler %d', (a, b, jaro, jw) => {
    expect(jaroSimilarity(a, b)).toBeCloseTo(jaro, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it('is 1 for equal strings, 0 with nothing in common or an empty side, and symmetric', () => {
    expect(jaroWinkler('HUNG', 'HUNG')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'ABC')).toBe(0);
    expect(jaroWinkler('NGUYEN VAN HUNG', 'NGUYEN VAN HUNH')).toBeCloseTo(jaroWinkler('NGUYEN VAN HUNH', 'NGUYEN VAN HUNG'), 12);
  });

  it('ranks a typo above a different name', () => {
    expect(jaroWinkler('NGUYEN', 'NGUYNE')).toBeGreaterThan(0.95);
    expect(jaroWinkler('NGUYEN', 'TRAN')).toBeLessThan(0.6);
  });
});
