import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { RULES_VI, validationProblems } from './validation-problems';

/** Every source file that declares validation rules: DTOs, and controllers with a query class of their own. */
function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'console' ? [] : ruleFiles(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return /from '(class-validator|[./]+\/(http\/)?(validation|nested-validation))'/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

interface StoredRule {
  type: string;
  constraintCls: () => void;
}

/**
 * The name of every rule class-validator can report on our DTOs: each registered rule's, plus the
 * ones the library adds by itself (an unknown property, a value that is no object where a nested
 * class is expected, an object of no known class). Read from the library's store, which holds every
 * class's rules once their files are loaded.
 */
async function reportableConstraints(): Promise<string[]> {
  for (const file of ruleFiles(join(process.cwd(), 'src'))) await import(file);
  const storage = getMetadataStorage();
  const stored: unknown = Reflect.get(storage, 'validationMetadatas');
  if (!(stored instanceof Map)) throw new Error('class-validator no longer keeps its rules in validationMetadatas: update this spec');
  const names = new Set<string>([ValidationTypes.WHITELIST, ValidationTypes.NESTED_VALIDATION, 'unknownValue']);
  for (const rules of stored.values() as IterableIterator<StoredRule[]>) {
    for (const rule of rules) {
      if (rule.type === ValidationTypes.CUSTOM_VALIDATION) for (const constraint of storage.getTargetValidatorConstraints(rule.constraintCls)) names.add(constraint.name);
      // @ValidateIf / @IsOptional decide whether rules run; they never report anything themselves.
      else if (rule.type !== ValidationTypes.CONDITIONAL_VALIDATION) names.add(rule.type);
    }
  }
  return [...names].sort();
}

describe('validationProblems', () => {
  it('has a Vietnamese line for every rule any DTO uses, so no rule ships in English', async () => {
    const names = await reportableConstraints();
    // The walk found the DTOs (a broken glob would pass vacuously).
    expect(names).toEqual(expect.arrayContaining(['matches', 'isIn', 'givesItsMeasure', 'singleLine', 'hasLetter', 'isUuid', 'isPositive']));
    expect(names.filter((name) => !Object.hasOwn(RULES_VI, name))).toEqual([]);
  }, 60_000);

  it('says a missing field is required, and only that', () => {
    const missing = { property: 'note', value: undefined, children: [], constraints: { isString: 'note must be a string', maxLength: 'note must be shorter than or equal to 4000 characters', notBlank: 'note must not be blank' } };
    expect(validationProblems([missing])).toEqual([{ path: 'note', constraint: 'isDefined', en: 'note is required', vi: 'là bắt buộc' }]);
  });

  it('keeps the condition of a conditional requirement, and says an unknown field is unknown', () => {
    const floor = { property: 'floorAreaPerPersonM2', value: undefined, children: [], constraints: { isDefined: 'floorAreaPerPersonM2 is required when ownsHome is true', isInt: 'x' } };
    expect(validationProblems([{ property: 'housing', children: [floor] }]).map((p) => p.vi)).toEqual(["là bắt buộc khi 'ownsHome' là true"]);
    const unknown = { property: 'extra', value: null, children: [], constraints: { whitelistValidation: 'property extra should not exist' } };
    expect(validationProblems([unknown]).map((p) => p.vi)).toEqual(['không phải là trường được chấp nhận']);
  });

  it('gives a rule it does not know a Vietnamese line all the same, never the English', () => {
    const odd = { property: 'x', value: 1, children: [], constraints: { someNewRule: 'x must be odd' } };
    expect(validationProblems([odd]).map((p) => p.vi)).toEqual(['không hợp lệ']);
  });
});
