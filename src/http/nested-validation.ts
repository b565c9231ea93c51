import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsObject, ValidateNested } from 'class-validator';

type Dto = new () => object;

/**
 * A required nested object validated as `dto`. `@ValidateNested` alone validates an array or a
 * scalar as "nothing to check" (`"applicant": []` went through with no citizen id and no name),
 * so the value must be an object first.
 */
export const IsNestedObject = (dto: Dto, doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: dto, ...doc }),
    IsDefined(),
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    Type(() => dto),
  );

/**
 * A list of objects each validated as `dto`. Every item must be an object: a nested list
 * (`"units": [[{…}]]`) or a scalar would otherwise be validated as nothing and reach the decider.
 */
export const IsNestedArray = (dto: Dto, { minItems = 0, maxItems }: { minItems?: number; maxItems: number }, doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: [dto], minItems, maxItems, ...doc }),
    IsArray(),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    IsObject({ each: true, message: 'each value in $property must be an object' }),
    ValidateNested({ each: true }),
    Type(() => dto),
  );
