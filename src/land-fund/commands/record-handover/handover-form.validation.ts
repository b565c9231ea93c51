import { registerDecorator, type ValidationArguments } from 'class-validator';

/** Decree 100/2024 Art. 17 (land) and Decree 261/2025 (land-use fee paid in lieu). */
export const HANDOVER_FORMS = ['land', 'money', 'equivalent-land'] as const;
export type HandoverForm = (typeof HANDOVER_FORMS)[number];

/** What each form is measured in: land in whole m², a payment in lieu in whole VND. */
const MEASURE: Record<HandoverForm, 'areaM2' | 'amountVnd'> = { land: 'areaM2', 'equivalent-land': 'areaM2', money: 'amountVnd' };

function knownForm(value: unknown): HandoverForm | undefined {
  return typeof value === 'string' && Object.hasOwn(MEASURE, value) ? (value as HandoverForm) : undefined;
}

const formOf = (args?: ValidationArguments): HandoverForm | undefined => knownForm((args?.object as { form?: unknown }).form);

/**
 * On `form`: the measure the form needs must be given. It sits here rather than on the measure
 * because class-validator skips every rule of a property its ValidateIf turns off, and the
 * measures' ValidateIf turns them off when absent; the message still names the missing field.
 */
export function GivesItsMeasure(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'givesItsMeasure',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: (args: ValidationArguments) => {
          const form = knownForm(args.value);
          return form ? `${MEASURE[form]} is required when form is "${form}"` : '';
        },
      },
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const form = knownForm(value);
          return form === undefined || (args?.object as Record<string, unknown>)[MEASURE[form]] !== undefined;
        },
      },
    });
}

/** On an optional field: refused when given with a (known) form it does not belong to. */
export function OnlyForForms(...forms: HandoverForm[]): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'onlyForForms',
      target: target.constructor,
      propertyName: String(property),
      options: { message: (args: ValidationArguments) => `${args.property} must not be given when form is "${formOf(args)}"` },
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => {
          const form = formOf(args);
          return form === undefined || forms.includes(form);
        },
      },
    });
}
