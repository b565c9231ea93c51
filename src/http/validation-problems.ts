import type { ValidationError } from 'class-validator';

/** One broken rule of a DTO: where, which rule, and its line in English and in Vietnamese. */
export interface ValidationProblem {
  /** As Nest names it: `household.1.citizenId`. */
  path: string;
  constraint: string;
  en: string;
  /** What is wrong, without the field's name (the caller puts it in front: the API's path, a column's label). */
  vi: string;
  /** A rule checked on each item of a list (`each: true`): the line says "each item of". */
  each?: boolean;
}

/**
 * What each rule says to a board, without the field's name. Every rule our DTOs use is here, and
 * the rules class-validator adds by itself (whitelistValidation, nestedValidation, unknownValue):
 * validation-problems.spec walks every DTO's rules and fails on one missing, so no rule ships in English.
 */
export const RULES_VI: Readonly<Record<string, string>> = {
  matches: 'sai định dạng',
  isCitizenId: 'phải gồm đúng 12 chữ số',
  isBirthDate: 'phải là ngày có thật, không ở tương lai',
  isPastDate: 'phải là ngày có thật (ngày hoặc thời điểm ISO), không ở tương lai',
  isIsoDate: 'phải là ngày có thật (YYYY-MM-DD) hoặc thời điểm ISO',
  notBlank: 'không được để trống',
  singleLine: 'phải viết trên một dòng, không có ký tự xuống dòng hay ký tự điều khiển',
  noControlCharacters: 'không được chứa ký tự điều khiển (chỉ được xuống dòng)',
  hasLetter: 'phải có ít nhất một chữ cái',
  minLength: 'quá ngắn',
  maxLength: 'quá dài',
  isString: 'phải là chuỗi ký tự',
  isIn: 'không thuộc các giá trị cho phép',
  isInt: 'phải là số nguyên',
  isNumber: 'phải là số',
  isPositive: 'phải là số lớn hơn 0',
  isBoolean: 'phải là có hoặc không (true/false)',
  isUuid: 'phải là một UUID',
  min: 'nhỏ hơn mức tối thiểu',
  max: 'vượt quá mức tối đa',
  isDefined: 'là bắt buộc',
  isObject: 'phải là một đối tượng JSON',
  nestedValidation: 'phải là một đối tượng JSON',
  unknownValue: 'không phải là dữ liệu được chấp nhận',
  isArray: 'phải là một danh sách',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayMinSize: 'phải có ít nhất một phần tử',
  arrayUnique: 'có phần tử lặp lại',
  whitelistValidation: 'không phải là trường được chấp nhận',
  atMostOneSpouse: 'khai quá một vợ/chồng',
  noRepeatedPerson: 'một người được khai hai lần (trùng Số CCCD)',
  givesItsMeasure: 'thiếu số đo (diện tích hoặc số tiền) của hình thức bàn giao',
  onlyForForms: 'không dùng cho hình thức bàn giao này',
};

/** Said of a rule missing above: still Vietnamese, and the spec makes sure it is never needed. */
const UNKNOWN_RULE_VI = 'không hợp lệ';

/** A rule's phrase, with the figures or values its English names, and the field it is about when that is not the one it sits on. */
interface Said {
  vi: string;
  /** The field at fault, relative to the rule's object (givesItsMeasure sits on `form` but is about the missing measure). */
  property?: string;
}

/** English messages that carry what the generic phrase leaves out (a bound, the allowed values, the other field). */
const PRECISE: ReadonlyArray<{ constraint: string; en: RegExp; say: (match: RegExpExecArray) => Said }> = [
  { constraint: 'matches', en: /12 digits/, say: () => ({ vi: RULES_VI.isCitizenId }) },
  { constraint: 'matches', en: /province code/, say: () => ({ vi: 'phải là mã tỉnh 2 chữ số' }) },
  { constraint: 'matches', en: /letters, digits/, say: () => ({ vi: 'chỉ gồm chữ, số, "-" hoặc "_" (tối đa 64 ký tự)' }) },
  { constraint: 'matches', en: /64 hex digits|hex SHA-256/, say: () => ({ vi: 'phải gồm đúng 64 chữ số thập lục phân (0-9, a-f)' }) },
  { constraint: 'isIn', en: /following values: (.*)$/, say: (m) => ({ vi: `phải là một trong: ${m[1]}` }) },
  { constraint: 'min', en: /less than (-?[\d.]+)$/, say: (m) => ({ vi: `không được nhỏ hơn ${m[1]}` }) },
  { constraint: 'max', en: /greater than (-?[\d.]+)$/, say: (m) => ({ vi: `không được lớn hơn ${m[1]}` }) },
  { constraint: 'maxLength', en: /or equal to (\d+) characters$/, say: (m) => ({ vi: `quá dài (tối đa ${m[1]} ký tự)` }) },
  { constraint: 'arrayMaxSize', en: /no more than (\d+) elements$/, say: (m) => ({ vi: `có quá nhiều phần tử (tối đa ${m[1]})` }) },
  { constraint: 'arrayMinSize', en: /at least (\d+) elements$/, say: (m) => ({ vi: `phải có ít nhất ${m[1]} phần tử` }) },
  { constraint: 'isDefined', en: /is required when (\w+) is (.+)$/, say: (m) => ({ vi: `là bắt buộc khi '${m[1]}' là ${m[2]}` }) },
  {
    constraint: 'givesItsMeasure',
    en: /^(\w+) is required when (\w+) is (".*")$/,
    say: (m) => ({ property: m[1], vi: `là bắt buộc khi '${m[2]}' là ${m[3]}` }),
  },
  { constraint: 'onlyForForms', en: /must not be given when (\w+) is (".*")$/, say: (m) => ({ vi: `không được khai khi '${m[1]}' là ${m[2]}` }) },
];

function said(constraint: string, en: string): Said {
  for (const rule of PRECISE) {
    const match = rule.constraint === constraint ? rule.en.exec(en) : null;
    if (match) return rule.say(match);
  }
  return { vi: RULES_VI[constraint] ?? UNKNOWN_RULE_VI };
}

/**
 * A required field that is absent: every rule on it fails at once (a missing `note` is "not a
 * string", "blank" and "too long"), yet the one thing wrong is that it is missing. Not a field sent
 * as null, which an optional field may be refused for with its rules (`areaM2: null` is not an
 * integer), and not a field whose errors are in its children (Nest strips the value of those).
 */
function isMissing(error: ValidationError): boolean {
  return Object.hasOwn(error, 'value') && error.value === undefined && (error.children ?? []).length === 0 && !('whitelistValidation' in (error.constraints ?? {}));
}

/** Every broken rule of a validation, depth first, named by path as Nest's ValidationPipe names them; one line per fault. */
export function validationProblems(errors: readonly ValidationError[], parent = ''): ValidationProblem[] {
  return distinct(errors.flatMap((error) => [...ownProblems(error, parent), ...validationProblems(error.children ?? [], pathOf(parent, error.property))]));
}

const pathOf = (parent: string, property: string): string => (parent === '' ? property : `${parent}.${property}`);

function ownProblems(error: ValidationError, parent: string): ValidationProblem[] {
  const path = pathOf(parent, error.property);
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length > 0 && isMissing(error)) {
    const required = error.constraints?.isDefined;
    // A conditional requirement keeps its condition ("… when ownsHome is true").
    if (required !== undefined) return [problem(parent, error.property, 'isDefined', required)];
    return [{ path, constraint: 'isDefined', en: `${path} is required`, vi: RULES_VI.isDefined }];
  }
  return constraints.map(([constraint, message]) => problem(parent, error.property, constraint, message));
}

function problem(parent: string, property: string, constraint: string, message: string): ValidationProblem {
  const { vi, property: about = property } = said(constraint, message);
  const path = pathOf(parent, about);
  // Not nestedValidation's "each value in nested property household …", said of one item (household.0).
  const each = constraint !== 'nestedValidation' && message.startsWith('each value in ');
  return { path, constraint, en: parent === '' ? message : `${parent}.${message}`, vi, ...(each && { each }) };
}

/** Two rules saying the same of the same field (an empty string too short and blank) make one line. */
function distinct(problems: ValidationProblem[]): ValidationProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.each === true}\u0000${p.vi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A problem as one Vietnamese line of an HTTP 400: the field's path, then what is wrong with it. */
export const vietnameseLine = (problem: ValidationProblem): string =>
  problem.each === true ? `Mỗi phần tử của trường '${problem.path}' ${problem.vi}` : `Trường '${problem.path}' ${problem.vi}`;
