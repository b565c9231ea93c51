import { expect } from '@jest/globals';
import { isRealDate } from './fields';
import { checkLandRow } from './land-row';
import { checkPopulationRow } from './population-row';

const person = (over: Record<string, string> = {}): string[] => {
  const row = {
    citizen_id: '031190001234',
    full_name: 'Nguyễn Thị Lan',
    date_of_birth: '1990-04-12',
    gender: 'female',
    status: 'alive',
    date_of_death: '',
    permanent_province: '31',
    temporary_province: '',
    household_id: 'HH-1',
    relation_to_head: 'head',
    spouse_citizen_id: '031090005678',
    ...over,
  };
  return Object.values(row);
};

describe('population rows', () => {
  it('accepts a good row, empty cells as null', () => {
    expect(checkPopulationRow(person(), 2, new Map())).toEqual({
      ok: true,
      value: expect.objectContaining({ citizenId: '031190001234', gender: 'female', dateOfDeath: null, temporaryProvince: null, spouseCitizenId: '031090005678' }),
    });
  });

  it('names the line and every bad column', () => {
    const result = checkPopulationRow(person({ citizen_id: '12345', date_of_birth: '1990-02-30', gender: 'f', temporary_province: '3', spouse_citizen_id: 'x' }), 7, new Map());
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 7, column: 'citizen_id', message: "'12345' không phải số CCCD 12 chữ số", messageEn: '"12345" is not a 12-digit citizen id' },
        { line: 7, column: 'date_of_birth', message: "'1990-02-30' không phải ngày có thật (DD/MM/YYYY hoặc YYYY-MM-DD)", messageEn: '"1990-02-30" is not a real date (YYYY-MM-DD)' },
        { line: 7, column: 'gender', message: "'f' không hợp lệ; chọn: Nam, Nữ, male, female", messageEn: '"f" is not one of male|female' },
        { line: 7, column: 'temporary_province', message: "'3' không phải mã tỉnh 2 chữ số", messageEn: '"3" is not a 2-digit province code' },
        { line: 7, column: 'spouse_citizen_id', message: "'x' không phải số CCCD 12 chữ số", messageEn: '"x" is not a 12-digit citizen id' },
      ],
    });
  });

  it('requires a date of death exactly when deceased, and not before birth', () => {
    const errorsOf = (over: Record<string, string>) => {
      const result = checkPopulationRow(person(over), 3, new Map());
      return result.ok ? [] : result.errors.map((e) => `${e.column}: ${e.messageEn}`);
    };
    expect(errorsOf({ status: 'deceased' })).toEqual(['date_of_death: is required']);
    expect(errorsOf({ status: 'deceased', date_of_death: '2024-01-02' })).toEqual([]);
    expect(errorsOf({ status: 'alive', date_of_death: '2024-01-02' })).toEqual(['date_of_death: must be empty when status is alive']);
    expect(errorsOf({ status: 'deceased', date_of_death: '1980-01-01' })).toEqual(['date_of_death: 1980-01-01 is before the date of birth 1990-04-12']);
    expect(errorsOf({ status: 'dead' })).toEqual(['status: "dead" is not one of alive|deceased']);
  });

  it('rejects a second row for the same citizen, naming the first line', () => {
    const seen = new Map<string, number>();
    expect(checkPopulationRow(person(), 2, seen).ok).toBe(true);
    expect(checkPopulationRow(person(), 9, seen)).toEqual({ ok: false, errors: [{ line: 9, column: 'citizen_id', message: '031190001234 đã có ở dòng 2', messageEn: '031190001234 already appears on line 2' }] });
  });

  it('takes cells as clerks type them: ids with spaces or dots, DD/MM/YYYY dates, Vietnamese words for the codes', () => {
    const row = person({ citizen_id: '031 190 001.234', date_of_birth: '12/4/1990', gender: 'NỮ', status: 'Đã mất', date_of_death: '01.02.2024' });
    expect(checkPopulationRow(row, 2, new Map())).toEqual({
      ok: true,
      value: expect.objectContaining({ citizenId: '031190001234', dateOfBirth: '1990-04-12', gender: 'female', status: 'deceased', dateOfDeath: '2024-02-01' }),
    });
  });
});

describe('land rows', () => {
  it('accepts a certificate under a pre-2025 province code', () => {
    expect(checkLandRow(['030090001111', '30', 'P-12', 'CT-001', '54.5', '2019-06-01'], 2)).toEqual({
      ok: true,
      value: { citizenId: '030090001111', provinceCode: '30', parcel: 'P-12', certificateNo: 'CT-001', floorAreaM2: 54.5, registeredAt: '2019-06-01' },
    });
  });

  it('names bad cells', () => {
    const result = checkLandRow(['030090001111', '', '', '', '-3', '2019-13-01'], 4);
    expect(result.ok ? [] : result.errors.map((e) => `line ${e.line}: ${e.column}: ${e.messageEn}`)).toEqual([
      'line 4: province_code: is required',
      'line 4: certificate_no: is required',
      'line 4: floor_area_m2: "-3" is not a floor area in m² (e.g. 54.5)',
      'line 4: registered_at: "2019-13-01" is not a real date (YYYY-MM-DD)',
    ]);
  });
});

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-4-01', false],
    ['2024-00-10', false],
    ['0000-01-01', false],
  ])('%s → %s', (value, real) => expect(isRealDate(value)).toBe(real));
});
