import { getMetadataStorage, type ValidationArguments, ValidationTypes } from 'class-validator';

const storage = getMetadataStorage();
type Rule = ReturnType<typeof storage.getTargetValidationMetadatas>[number];
/** A class, as class-validator keys its rules. */
type Target = Parameters<typeof storage.getTargetValidationMetadatas>[0];

/** One class's rules, grouped once per property as class-validator groups them on every call. */
interface Plan {
  properties: Map<string, { conditions: Rule[]; checks: Rule[]; nested: Rule[] }>;
}

const plans = new Map<Target, Plan | null>();

/**
 * Whether `validate(object, { whitelist: true, forbidNonWhitelisted: true })` would find nothing
 * wrong, answered with the library's own rules and validator instances but without its per-call
 * work (the metadata lookups, grouping and a ValidationError object per property), which is most of
 * its cost on a valid object. True only when every rule holds; false when one fails, and also when
 * this cannot tell (a promise, an async rule, a rule kind it does not run): the caller then asks
 * class-validator itself, which also writes the messages. So it can make validation faster, never
 * more lenient.
 */
export function passesValidation(object: object): boolean {
  const plan = planOf(object.constructor);
  if (!plan) return false;
  const values = object as Record<string, unknown>;
  // The whitelist: a property with no rule is an error under forbidNonWhitelisted.
  for (const key of Object.keys(object)) if (!plan.properties.has(key)) return false;
  for (const [property, { conditions, checks, nested }] of plan.properties) {
    const value = values[property];
    // @ValidateIf / @IsOptional: when one says no, class-validator checks nothing of the property.
    if (!conditions.every((rule) => (rule.constraints[0] as (o: object, v: unknown) => boolean)(object, value))) continue;
    if (!checks.every((rule) => holds(rule, object, value))) return false;
    if (value !== undefined && !nested.every(() => nestedPasses(value))) return false;
  }
  return true;
}

/** A class with no rules is refused (forbidUnknownValues); one with a rule this does not run goes to the library. */
function planOf(target: Target): Plan | null {
  let plan = plans.get(target);
  if (plan !== undefined) return plan;
  const rules = storage.getTargetValidationMetadatas(target, '', false, false);
  const runnable = rules.length > 0 && rules.every((rule) =>
    rule.type === ValidationTypes.CONDITIONAL_VALIDATION || rule.type === ValidationTypes.NESTED_VALIDATION ||
    ((rule.type === ValidationTypes.CUSTOM_VALIDATION || rule.type === ValidationTypes.IS_DEFINED) &&
      storage.getTargetValidatorConstraints(rule.constraintCls).every((c) => !c.async)));
  plan = null;
  if (runnable) {
    const properties: Plan['properties'] = new Map();
    for (const rule of rules) {
      const entry = properties.get(rule.propertyName) ?? { conditions: [], checks: [], nested: [] };
      if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) entry.conditions.push(rule);
      else if (rule.type === ValidationTypes.NESTED_VALIDATION) entry.nested.push(rule);
      else entry.checks.push(rule);
      properties.set(rule.propertyName, entry);
    }
    plan = { properties };
  }
  plans.set(target, plan);
  return plan;
}

/** One custom or IsDefined rule, with `each` over arrays, sets and maps as the library applies it. */
function holds(rule: Rule, object: object, value: unknown): boolean {
  if (rule.validateIf && !rule.validateIf(object, value)) return true;
  const args: ValidationArguments = { targetName: object.constructor.name, property: rule.propertyName, object, value, constraints: rule.constraints };
  const items = rule.each ? itemsOf(value) : null;
  return storage.getTargetValidatorConstraints(rule.constraintCls).every((constraint) => {
    const validator = constraint.instance;
    // A promise is "cannot tell": only the library awaits it.
    return items ? items.every((item) => validator.validate(item, args) === true) : validator.validate(value, args) === true;
  });
}

/** @ValidateNested: an object is validated as its own class; an array's items each so; a scalar is an error. */
function nestedPasses(value: unknown): boolean {
  if (value === undefined) return true;
  const items = itemsOf(value);
  if (items) return items.every(nestedPasses);
  return value instanceof Object && passesValidation(value);
}

/** What class-validator takes the items of (a map's values), or null for anything else. */
function itemsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (value instanceof Set) return [...(value as Set<unknown>)];
  if (value instanceof Map) return [...(value as Map<unknown, unknown>).values()];
  return null;
}
