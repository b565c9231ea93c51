import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { TENURES, type Tenure } from '../../../allocation/domain/unit.events';
import { IsNestedArray, IsNestedObject } from '../../../http/nested-validation';
import { IsIdentifier, IsPastDate, IsPersonName } from '../../../http/validation';
import { BENEFICIARY_CATEGORIES, type BeneficiaryCategory } from '../../domain/application.events';
import { AtMostOneSpouse, NoRepeatedPerson } from './household.validation';
import { HouseholdMemberDto, PersonDto } from './person.dto';

/** Far above any real household; bounds the event's size. */
export const MAX_HOUSEHOLD_MEMBERS = 30;
export const MAX_MONTHLY_INCOME_VND = 10_000_000_000;
export const MAX_FLOOR_AREA_PER_PERSON_M2 = 10_000;

export class HousingDto {
  @ApiProperty({ description: 'The applicant or spouse owns housing in the project’s province (nhà ở thuộc sở hữu)' })
  @IsBoolean()
  ownsHome!: boolean;

  // Required only of owners: it is the commune's certificate of the floor per person of the home owned
  // (POLICY.md "Who verifies what"), which someone owning no home cannot have. Absent, it is recorded
  // as 0, the floor owned; the policies ignore it when ownsHome is false.
  @ApiProperty({
    type: 'integer',
    required: false,
    minimum: 0,
    maximum: MAX_FLOOR_AREA_PER_PERSON_M2,
    example: 12,
    description: 'Whole m² of floor per person of the housing owned (diện tích bình quân đầu người). Required when ownsHome is true; recorded as 0 when omitted otherwise',
  })
  // Runs on the raw body, before ownsHome is known to be a boolean.
  @ValidateIf((housing: { ownsHome?: unknown; floorAreaPerPersonM2?: unknown }) => housing.ownsHome === true || housing.floorAreaPerPersonM2 != null)
  @IsDefined({ message: '$property is required when ownsHome is true' })
  @IsInt()
  @Min(0)
  @Max(MAX_FLOOR_AREA_PER_PERSON_M2)
  floorAreaPerPersonM2?: number;
}

/** Hồ sơ đăng ký mua/thuê/thuê mua nhà ở xã hội, as the board received it. */
export class SubmitApplicationRequest {
  @IsOptional()
  @IsIdentifier(64, { required: false, example: 'hp-trang-cat-hs-0001', description: 'Chosen by the board (e.g. its file number), or a generated uuid' })
  id?: string;

  @IsIdentifier(64, { description: 'A registered project of the board’s province; the application takes its province' })
  projectId!: string;

  @ApiProperty({ enum: TENURES, description: 'sale = mua, rent = thuê, hire-purchase = thuê mua' })
  @IsIn(TENURES)
  tenure!: Tenure;

  @IsNestedObject(PersonDto, { description: 'Người đứng đơn' })
  applicant!: PersonDto;

  @IsNestedArray(
    HouseholdMemberDto,
    { maxItems: MAX_HOUSEHOLD_MEMBERS },
    { description: 'Every other member of the household (hộ gia đình), possibly none: at most one spouse, no citizen id twice, not the applicant' },
  )
  @AtMostOneSpouse()
  @NoRepeatedPerson()
  household!: HouseholdMemberDto[];

  @ApiProperty({ enum: BENEFICIARY_CATEGORIES, description: 'Đối tượng, Housing Law 2023 Art. 76 (POLICY.md)' })
  @IsIn(BENEFICIARY_CATEGORIES)
  category!: BeneficiaryCategory;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_MONTHLY_INCOME_VND,
    example: 14_500_000,
    description: 'Average monthly income over the last 12 months in whole VND; a married applicant’s is the couple’s combined income',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_MONTHLY_INCOME_VND)
  monthlyIncomeVnd!: number;

  @IsNestedObject(HousingDto, { description: 'Thực trạng nhà ở' })
  housing!: HousingDto;

  @IsPastDate({ example: '2025-09-15T09:30:00+07:00', description: 'When the board received the file (ngày nhận hồ sơ): ISO day or instant, not in the future' })
  submittedAt!: string;

  @IsPersonName(200, { example: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng', description: 'The officer who received the file' })
  receivedBy!: string;
}

export class SubmittedResponse {
  @ApiProperty({ example: 'hp-trang-cat-hs-0001' }) id!: string;
}
