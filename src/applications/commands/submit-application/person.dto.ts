import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, registerDecorator } from 'class-validator';
import { IsCitizenId, isIsoDate, IsPersonName } from '../../../http/validation';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../../domain/application.events';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A birth date is a day, never an instant, and a real one that has already come. */
function IsBirthDate(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: '1990-04-12', format: 'date', description: 'Ngày sinh, YYYY-MM-DD: a real day, not in the future' }),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'isBirthDate',
        target: target.constructor,
        propertyName: String(property),
        options: { message: '$property must be a real date YYYY-MM-DD, not in the future' },
        validator: { validate: (value: unknown) => typeof value === 'string' && DAY.test(value) && isIsoDate(value) && Date.parse(value) <= Date.now() },
      }),
  );
}

/** A person as the board reads them off the citizen id card (căn cước). */
export class PersonDto {
  @IsCitizenId()
  citizenId!: string;

  @IsPersonName(200, { example: 'Nguyễn Thị Lan', description: 'Họ và tên, as on the citizen id card' })
  fullName!: string;

  @IsBirthDate()
  dateOfBirth!: string;

  @ApiProperty({ enum: GENDERS, required: false, description: 'Giới tính; recorded as null when not given' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;
}

/** A member of the applicant's household, with the relation to the applicant. */
export class HouseholdMemberDto extends PersonDto {
  @ApiProperty({
    enum: HOUSEHOLD_RELATIONS,
    description: 'Relation to the applicant (vợ/chồng = spouse); a spouse makes the household "married" for the income ceiling',
  })
  @IsIn(HOUSEHOLD_RELATIONS)
  relation!: HouseholdRelation;
}
