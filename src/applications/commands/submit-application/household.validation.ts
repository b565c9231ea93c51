import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Rules across the members of one declaration, which no single member's validation can see. Each
 * message names the offending member's index, like the nested messages ("household.1.citizenId …").
 * They read raw values defensively: a malformed member has its own nested error already.
 */

type Declared = { applicant?: unknown; household?: unknown };

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function members(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Civil marriage is monogamous (Marriage and Family Law 2014 Art. 5): a second spouse is a slip or a fraud. */
function secondSpouse(household: unknown): string | null {
  const spouses = members(household).flatMap((member, index) => (field(member, 'relation') === 'spouse' ? [index] : []));
  if (spouses.length < 2) return null;
  return `household.${spouses[1]}.relation must not name a second spouse (household.${spouses[0]} is the spouse)`;
}

/** One person is one member: the applicant never again inside the household, and no member twice. */
function repeatedPerson(household: unknown, applicant: unknown): string | null {
  const applicantId = field(applicant, 'citizenId');
  const seen = new Map<unknown, number>();
  for (const [index, member] of members(household).entries()) {
    const id = field(member, 'citizenId');
    if (typeof id !== 'string') continue;
    if (id === applicantId) return `household.${index}.citizenId must not repeat the applicant's citizen id`;
    const earlier = seen.get(id);
    if (earlier !== undefined) return `household.${index}.citizenId must not repeat household.${earlier}.citizenId`;
    seen.set(id, index);
  }
  return null;
}

function crossMemberRule(name: string, problem: (household: unknown, applicant: unknown) => string | null): PropertyDecorator {
  const problemOf = ({ value, object }: ValidationArguments) => problem(value, (object as Declared).applicant);
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (_: unknown, args: ValidationArguments) => problemOf(args) === null,
        defaultMessage: (args: ValidationArguments) => problemOf(args) ?? `${args.property} is invalid`,
      },
    });
}

export const AtMostOneSpouse = () => crossMemberRule('atMostOneSpouse', (household) => secondSpouse(household));
export const NoRepeatedPerson = () => crossMemberRule('noRepeatedPerson', repeatedPerson);
