import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_PERIODS, type ProgrammePeriod } from '../../../programmes/domain/programme.events';

export class TargetProgressView {
  @ApiProperty({ enum: PROGRAMME_PERIODS }) period!: ProgrammePeriod;
  @ApiProperty({ example: 15_400, description: 'Units the programme targets for the period' }) units!: number;
  @ApiProperty({ description: 'Units handed over with a handover date in the period' }) handedOverInPeriod!: number;
  @ApiProperty({ example: 0.42, description: 'handedOverInPeriod / units' }) share!: number;
}

export class ProvinceProgressView {
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'Units the registered projects plan' }) plannedUnits!: number;
  @ApiProperty({ description: 'Units released (put on offer)' }) released!: number;
  @ApiProperty({ description: 'Units allocated now (handed-over units included)' }) allocated!: number;
  @ApiProperty({ description: 'Units handed over now' }) handedOver!: number;
  @ApiProperty({ type: [TargetProgressView] }) targets!: TargetProgressView[];
}

export class ProgrammeProgressView extends ProvinceProgressView {
  @ApiProperty({ type: [String], example: ['30', '31'], description: 'The codes counted: the province and those merged into it in 2025' })
  provinces!: string[];
  @ApiProperty({ type: [ProvinceProgressView], description: 'The same per former province' }) byProvince!: ProvinceProgressView[];
}
