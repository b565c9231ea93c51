import { expect } from '@jest/globals';
import { citizenIdContradictions } from '../../shared/identity/citizen-id';
import { identityReason, vietnameseOf } from './identity-reasons';

describe('identity reasons of a police check', () => {
  it('reads each English wording a check has recorded in the Vietnamese a new check records beside it', () => {
    const recorded = [
      identityReason.notInRegistry(),
      identityReason.name('Lê Thị Hoa', 'Lê Thị Hồng'),
      identityReason.birthDate('1990-04-12', '1990-04-21'),
      identityReason.gender('female', 'male'),
      ...citizenIdContradictions('031085001234', { dateOfBirth: '1990-04-12', gender: 'female' }),
      ...citizenIdContradictions('031790001234', { dateOfBirth: '1990-04-12', gender: null }),
    ];
    expect(recorded.map((r) => vietnameseOf(r.en))).toEqual(recorded.map((r) => r.vi));
    expect(recorded).toHaveLength(7);
  });

  it('words the registry differences in Vietnamese', () => {
    expect(vietnameseOf('not in the population registry')).toBe('không có trong cơ sở dữ liệu dân cư');
    expect(vietnameseOf('name declared "Lê Thị Hoa", registry "Lê Thị Hồng"')).toBe('họ tên đã khai "Lê Thị Hoa", cơ sở dữ liệu dân cư ghi "Lê Thị Hồng"');
    expect(vietnameseOf('born 1990-04-12 declared, 1990-04-21 in the registry')).toBe('ngày sinh đã khai 1990-04-12, cơ sở dữ liệu dân cư ghi 1990-04-21');
    expect(vietnameseOf('gender female declared, male in the registry')).toBe('giới tính đã khai nữ, cơ sở dữ liệu dân cư ghi nam');
    expect(vietnameseOf('citizen id encodes birth year 1985, declared 1990')).toBe('số CCCD ghi năm sinh 1985, đã khai 1990');
  });

  it('leaves a wording it never wrote as it stands', () => {
    expect(vietnameseOf('registry name differs')).toBe('registry name differs');
  });
});
