import {
  declaredAsOthers, familyGivenKey, givenNameBucket, identitySimilarity, oneEditApart, idDigitsSimilarity, nameMayBeAlike, nameSimilarity, SIMILAR_IDENTITY_THRESHOLD, swappedDayMonth, type IdentityProfile, UNCOMMON_GIVEN_NAME,
} from './identity-similarity';
import fc from 'fast-check';
import { normalizeName } from './normalize-name';

const profile = (citizenId: string, name: string, dateOfBirth: string, gender: string | null = 'male', household: string[] = []): IdentityProfile =>
  ({ citizenId, nameNorm: normalizeName(name), dateOfBirth, gender, household });
const similar = (a: IdentityProfile, b: IdentityProfile) => identitySimilarity(a, b).score >= SIMILAR_IDENTITY_THRESHOLD;

describe('identity similarity', () => {
  const hung = profile('031091000123', 'Nguyễn Văn Hùng', '1991-03-05');

  it.each([
    ['a typo in the given name', profile('031091000456', 'Nguyễn Văn Hùgn', '1991-03-05')],
    ['a typo in the family name', profile('031091000456', 'Ngyuễn Văn Hùng', '1991-03-05')],
    ['day and month swapped', profile('031091000456', 'Nguyễn Văn Hùng', '1991-05-03')],
    ['a dropped middle name', profile('031091000456', 'Nguyễn Hùng', '1991-03-05')],
    ['a mistyped id, gender unknown', profile('031091000132', 'Nguyễn Văn Hùng', '1991-03-05', null)],
  ])('finds %s', (_, other) => {
    expect(similar(hung, other)).toBe(true);
    expect(identitySimilarity(other, hung)).toEqual(identitySimilarity(hung, other));
  });

  it.each([
    ['a namesake born the next day', profile('031091000456', 'Nguyễn Văn Hùng', '1991-03-06'), []],
    ['a namesake with another birth date, even sharing a household', profile('031091000456', 'Nguyễn Văn Hùng', '1991-08-17', 'male', ['x']), ['x']],
    ['another common given name born the same day', profile('031091000456', 'Nguyễn Văn Dũng', '1991-03-05'), []],
    ['someone else\'s mistyped name born the same day', profile('058091000456', 'Le Huu Nma', '1991-03-05'), []],
    ['another middle name born the same day', profile('031091000456', 'Nguyễn Minh Hùng', '1991-03-05'), []],
    ['a longer name with another given name', profile('031091000456', 'Nguyễn Văn Hùng Cường', '1991-03-05'), []],
    ['a woman with the same name and birth date but another id gender', profile('031191000456', 'Nguyễn Văn Hùng', '1991-05-03', 'female'), []],
  ])('leaves alone %s', (_, other, household) => {
    expect(similar({ ...hung, household }, other)).toBe(false);
  });

  it('shows each component', () => {
    expect(identitySimilarity(hung, profile('031091000456', 'Nguyễn Hùng', '1991-05-03', 'male', []))).toEqual({
      score: 0.88, components: { name: 0.95, birthDate: 0.9, gender: 1, idDigits: 0.8, household: 0 },
    });
  });

  it('blocks on the swapped date and on family + given name', () => {
    expect(swappedDayMonth('1991-03-05')).toBe('1991-05-03');
    expect(swappedDayMonth('1991-03-13')).toBeNull();
    expect(swappedDayMonth('1991-04-04')).toBeNull();
    expect(familyGivenKey('NGUYEN VAN HUNG')).toBe('NGUYEN HUNG');
    expect(familyGivenKey('HUNG')).toBe('HUNG HUNG');
  });

  it('reads the ids: a keystroke apart, the same prefix, another province, another year', () => {
    expect(idDigitsSimilarity('031091000123', '031091000213')).toBe(1);
    expect(idDigitsSimilarity('031091000123', '031091000999')).toBe(0.8);
    expect(idDigitsSimilarity('031091000123', '030091000999')).toBe(0.6);
    expect(idDigitsSimilarity('031091000123', '031092000999')).toBe(0);
  });

  it('tells one edit (a slip) from more', () => {
    expect(['NAM/NMA', 'HUNG/HUG', 'HUNG/HUNGG', 'HUNG/HUNH', 'AN/AN'].map((p) => oneEditApart(...(p.split('/') as [string, string])))).toEqual([true, true, true, true, true]);
    expect(['HUNG/NMA', 'HUNG/UHNGG', 'AN/NAM'].map((p) => oneEditApart(...(p.split('/') as [string, string])))).toEqual([false, false, false]);
  });

  it('is 1 for equal names and below 0.6 for two different common names', () => {
    expect(nameSimilarity('NGUYEN VAN HUNG', 'NGUYEN VAN HUNG')).toBe(1);
    expect(nameSimilarity('NGUYEN VAN HUNG', 'NGUYEN VAN DUNG')).toBeLessThan(0.6);
    expect(nameSimilarity('LE HUU HUNG', 'LE HUU NMA')).toBeLessThan(0.6);
    expect(nameSimilarity('LE HUU NAM', 'LE HUU NMA')).toBeGreaterThan(0.9);
  });

  it('rules out without Jaro-Winkler only names that score at most 0.5', () => {
    expect(['NGUYEN VAN HUGN', 'NGUYEN HUNG', 'NGUYEN VAN THI HUNG', 'NGUYEN VAN HUNG'].map((b) => nameMayBeAlike('NGUYEN VAN HUNG', b))).toEqual([true, true, true, true]);
    expect(['NGUYEN VAN DUNG', 'TRAN VAN HUNG', 'NGUYEN THI HUNG'].map((b) => nameMayBeAlike('NGUYEN VAN HUNG', b))).toEqual([false, false, false]);
    // Names from common words, with slips: a typo, a dropped letter, a swap, a dropped or added word.
    const word = fc.constantFrom('NGUYEN', 'TRAN', 'LE', 'PHAM', 'VAN', 'THI', 'HUU', 'DUC', 'HUNG', 'HUONG', 'LAN', 'NAM', 'DUNG', 'XYZ', 'NGUEYN');
    const slip = (w: string, at: number) => (w.length < 2 ? w : `${w.slice(0, at % w.length)}${w.slice((at % w.length) + 1)}`);
    const name = fc.array(word, { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(name, fc.nat(), fc.nat(3), fc.boolean(), (words, at, which, dropWord) => {
        const other = words.map((w, i) => (i === which ? slip(w, at) : w));
        if (dropWord && other.length > 2) other.splice(1, 1);
        const [a, b] = [words.join(' '), other.join(' ')];
        // Blocking by given-name bucket leaves out only pairs nameMayBeAlike rules out.
        const [ba, bb] = [givenNameBucket(a), givenNameBucket(b)];
        const otherBuckets = ba !== bb && ba !== UNCOMMON_GIVEN_NAME && bb !== UNCOMMON_GIVEN_NAME;
        return (nameMayBeAlike(a, b) || nameSimilarity(a, b) <= 0.5) && !(otherBuckets && nameMayBeAlike(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('declarations under one id', () => {
  const hung = { nameNorm: 'NGUYEN VAN HUNG', dateOfBirth: '1991-03-05', gender: 'male' };
  it('takes a typo or a swapped day and month for a slip, another name or birth date for another person', () => {
    expect(declaredAsOthers('031091000123', [hung, { ...hung, nameNorm: 'NGUYEN VAN HUGN' }, { ...hung, dateOfBirth: '1991-05-03' }])).toBe(false);
    expect(declaredAsOthers('031091000123', [hung, { ...hung, nameNorm: 'NGUYEN VAN PHUC' }])).toBe(true);
    expect(declaredAsOthers('031091000123', [hung, { ...hung, dateOfBirth: '1991-03-15' }])).toBe(true);
  });
});
