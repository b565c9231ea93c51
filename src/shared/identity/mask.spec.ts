import fc from 'fast-check';
import { maskCitizenId, maskFullName } from './mask';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Ông', 'Ưng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thu', 'Hữu', 'Thanh', 'Quốc', 'Xuân', 'Ánh', 'Ý'];
const GIVEN = ['Hùng', 'Lan', 'Mai', 'Anh', 'Thọ', 'Ánh', 'Sáu', 'Ước', 'Yến', 'Đạt', 'Hải', 'Ơn', 'A', 'Ý', 'Ư'];

/** A Vietnamese full name as clerks type it: NFC or NFD, odd spacing, sometimes one word only. */
const fullName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.array(fc.constantFrom(...MIDDLE), { maxLength: 3 }), fc.option(fc.constantFrom(...GIVEN), { nil: undefined }), fc.boolean(), fc.constantFrom(' ', '  ', '\t'))
  .map(([family, middle, given, nfd, space]) => {
    const name = [family, ...middle, ...(given ? [given] : [])].join(space);
    return nfd ? name.normalize('NFD') : name;
  });
const citizenId = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
const plain = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

describe('masking for public lists', () => {
  it('gives the family name and the initials', () => {
    expect(maskFullName('Nguyễn Văn Hùng')).toBe('Nguyễn V. H.');
    expect(maskFullName('Trần  Thị Mai Anh')).toBe('Trần T. M. A.');
    expect(maskFullName('Đặng Ánh'.normalize('NFD'))).toBe('Đặng Á.');
    expect(maskCitizenId('031190001456')).toBe('031******456');
  });

  it('gives initials only where the family name and initials would spell the whole name', () => {
    expect(maskFullName('Lê A')).toBe('L. A.');
    expect(maskFullName('Nguyễn')).toBe('N.');
  });

  it('never shows a full name or a full citizen id (property over generated Vietnamese names)', () => {
    fc.assert(
      fc.property(fullName, citizenId, (name, id) => {
        const shown = `${maskFullName(name)} ${maskCitizenId(id)}`;
        expect(shown.normalize('NFC')).not.toContain(plain(name));
        expect(shown).not.toContain(id);
        expect(shown).not.toMatch(/\d{4}/);
        expect(maskCitizenId(id)).toBe(`${id.slice(0, 3)}******${id.slice(-3)}`);
      }),
      { numRuns: 2000 },
    );
  });
});
