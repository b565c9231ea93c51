import { citizenIdContradictions, decodeCitizenId } from './citizen-id';
import { normalizeName } from './normalize-name';
import { currentProvince, provinceOfBirthRegistration } from './province-mergers';

describe('normalizeName', () => {
  it.each([
    ['Nguyễn Thị Hồng', 'NGUYEN THI HONG'],
    ['NGUYEN THI HONG', 'NGUYEN THI HONG'],
    ['  nguyễn   thị  hồng ', 'NGUYEN THI HONG'],
    ['Đặng Văn Đức', 'DANG VAN DUC'],
    ['Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng', 'NGUYEN THI HONG'],
    ['Trần-Lê Minh', 'TRAN LE MINH'],
  ])('%j → %j', (raw, normalized) => expect(normalizeName(raw)).toBe(normalized));

  it('keeps different names apart', () => {
    expect(normalizeName('Nguyễn Thị Hồng')).not.toBe(normalizeName('Nguyễn Thị Hằng Nga'));
  });
});

describe('decodeCitizenId', () => {
  it('reads province of birth registration, gender and birth year', () => {
    expect(decodeCitizenId('031090001234')).toEqual({ birthRegistrationCode: '031', gender: 'male', birthYear: 1990 });
    expect(decodeCitizenId('031190001234')).toEqual({ birthRegistrationCode: '031', gender: 'female', birthYear: 1990 });
    expect(decodeCitizenId('030305000001')).toEqual({ birthRegistrationCode: '030', gender: 'female', birthYear: 2005 });
  });

  it('refuses a century digit that is never issued, and malformed ids', () => {
    expect(decodeCitizenId('031890001234')).toBeUndefined();
    expect(decodeCitizenId('03119000123')).toBeUndefined();
  });

  it('names what the digits contradict, and nothing when they agree', () => {
    expect(citizenIdContradictions('031090001234', { dateOfBirth: '1990-04-12', gender: 'male' })).toEqual([]);
    expect(citizenIdContradictions('031090001234', { dateOfBirth: '1991-04-12', gender: 'female' })).toEqual([
      { concerns: 'birth-year', vi: 'số CCCD ghi năm sinh 1990, đã khai 1991', en: 'citizen id encodes birth year 1990, declared 1991' },
      { concerns: 'gender', vi: 'số CCCD ghi giới tính nam, đã khai nữ', en: 'citizen id encodes gender male, declared female' },
    ]);
    expect(citizenIdContradictions('031790001234', { dateOfBirth: '1990-04-12', gender: null })).toEqual([
      { concerns: 'gender', vi: 'chữ số thế kỷ/giới tính của số CCCD 031790001234 không hợp lệ', en: 'citizen id 031790001234 has no valid century/gender digit' },
    ]);
  });
});

describe('province mergers', () => {
  it('maps a merged province to its successor and leaves the others', () => {
    expect(currentProvince('30')).toBe('31');
    expect(currentProvince('58')).toBe('56');
    expect(currentProvince('01')).toBe('01');
    expect(provinceOfBirthRegistration('030')).toBe('30');
    expect(provinceOfBirthRegistration('401')).toBeUndefined();
  });
});
