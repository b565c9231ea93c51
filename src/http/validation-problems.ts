import type { ValidationError } from 'class-validator';

/** One broken rule of a DTO: where, which rule, and its line in English and in Vietnamese. */
export interface ValidationProblem {
  /** As Nest names it: `household.1.citizenId`. */
  path: string;
  constraint: string;
  en: string;
  vi: string;
}

/**
 * What each rule says to a board, without the field's name (the caller puts it in front: the
 * API's path for HTTP, the column's label for a spreadsheet). Rules not listed keep the English.
 */
const RULES_VI: Record<string, string> = {
  matches: 'sai định dạng',
  isCitizenId: 'phải gồm đúng 12 chữ số',
  isBirthDate: 'phải là ngày có thật, không ở tương lai',
  isPastDate: 'phải là ngày có thật (ngày hoặc thời điểm ISO), không ở tương lai',
  isIsoDate: 'phải là ngày có thật (YYYY-MM-DD) hoặc thời điểm ISO',
  notBlank: 'không được để trống',
  minLength: 'không được để trống',
  maxLength: 'quá dài',
  isString: 'phải là chuỗi ký tự',
  isIn: 'không thuộc các giá trị cho phép',
  isInt: 'phải là số nguyên',
  isNumber: 'phải là số',
  isBoolean: 'phải là có hoặc không (true/false)',
  min: 'nhỏ hơn mức tối thiểu',
  max: 'vượt quá mức tối đa',
  isDefined: 'bắt buộc',
  isObject: 'phải là một đối tượng JSON',
  isArray: 'phải là một danh sách',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayMinSize: 'phải có ít nhất một phần tử',
  arrayUnique: 'có phần tử lặp lại',
  whitelistValidation: 'không phải là trường được chấp nhận',
  atMostOneSpouse: 'khai quá một vợ/chồng',
  noRepeatedPerson: 'một người được khai hai lần (trùng Số CCCD)',
};

/** Rules whose English names the fault more precisely than the generic phrase above. */
function ruleVi(constraint: string, en: string): string {
  if (constraint === 'matches' && /12 digits/.test(en)) return RULES_VI.isCitizenId;
  if (constraint === 'matches' && /province code/.test(en)) return 'phải là mã tỉnh 2 chữ số';
  if (constraint === 'matches' && /letters, digits/.test(en)) return 'chỉ gồm chữ, số, "-" hoặc "_" (tối đa 64 ký tự)';
  if (constraint === 'isIn') {
    const values = /following values: (.*)$/.exec(en);
    if (values) return `phải là một trong: ${values[1]}`;
  }
  if (constraint === 'min' || constraint === 'max') {
    const bound = /(?:less|greater) than (-?[\d.]+)$/.exec(en);
    if (bound) return `${constraint === 'min' ? 'không được nhỏ hơn' : 'không được lớn hơn'} ${bound[1]}`;
  }
  return RULES_VI[constraint] ?? en;
}

/** Every broken rule of a validation, depth first, named by path as Nest's ValidationPipe names them. */
export function validationProblems(errors: readonly ValidationError[], parent = ''): ValidationProblem[] {
  return errors.flatMap((error) => {
    const path = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const en = parent === '' ? message : `${parent}.${message}`;
      return { path, constraint, en, vi: ruleVi(constraint, message) };
    });
    return [...own, ...validationProblems(error.children ?? [], path)];
  });
}

/** A problem as one Vietnamese line of an HTTP 400: the field's path, then what is wrong with it. */
export const vietnameseLine = (problem: ValidationProblem): string => `Trường '${problem.path}' ${problem.vi}`;
