import { GENDER_VI, idDigits } from '../../shared/identity/citizen-id';

type Gender = 'male' | 'female';

/** One way a declared person differs from the population registry: `vi` for the reader, `en` as checks have recorded it since the first. */
export interface IdentityReason {
  vi: string;
  en: string;
}

const REGISTRY_VI = 'cơ sở dữ liệu dân cư';

export const identityReason = {
  notInRegistry: (): IdentityReason => ({ vi: `không có trong ${REGISTRY_VI}`, en: 'not in the population registry' }),
  name: (declared: string, registry: string): IdentityReason => ({
    vi: `họ tên đã khai "${declared}", ${REGISTRY_VI} ghi "${registry}"`,
    en: `name declared "${declared}", registry "${registry}"`,
  }),
  birthDate: (declared: string, registry: string): IdentityReason => ({
    vi: `ngày sinh đã khai ${declared}, ${REGISTRY_VI} ghi ${registry}`,
    en: `born ${declared} declared, ${registry} in the registry`,
  }),
  gender: (declared: Gender, registry: Gender): IdentityReason => ({
    vi: `giới tính đã khai ${GENDER_VI[declared]}, ${REGISTRY_VI} ghi ${GENDER_VI[registry]}`,
    en: `gender ${declared} declared, ${registry} in the registry`,
  }),
};

const gender = (text: string): Gender => (text === 'female' ? 'female' : 'male');

/** Every English wording a check has recorded, and the reason it came from. */
const RECORDED_ENGLISH: [RegExp, (m: RegExpExecArray) => IdentityReason][] = [
  [/^not in the population registry$/, () => identityReason.notInRegistry()],
  [/^name declared "(.*)", registry "(.*)"$/s, (m) => identityReason.name(m[1], m[2])],
  [/^born (\S+) declared, (\S+) in the registry$/, (m) => identityReason.birthDate(m[1], m[2])],
  [/^gender (male|female) declared, (male|female) in the registry$/, (m) => identityReason.gender(gender(m[1]), gender(m[2]))],
  [/^citizen id encodes birth year (\d+), declared (\d+)$/, (m) => idDigits.birthYear(Number(m[1]), Number(m[2]))],
  [/^citizen id encodes gender (male|female), declared (male|female)$/, (m) => idDigits.gender(gender(m[1]), gender(m[2]))],
  [/^citizen id (\S+) has no valid century\/gender digit$/, (m) => idDigits.invalidCenturyDigit(m[1])],
];

/**
 * The Vietnamese of a reason recorded in English only (checks recorded before `identityReasonsVi`),
 * in the same words a new check records. A wording this code never wrote is shown as it stands.
 */
export function vietnameseOf(en: string): string {
  for (const [pattern, rebuild] of RECORDED_ENGLISH) {
    const match = pattern.exec(en);
    if (match) return rebuild(match).vi;
  }
  return en;
}
