import { IsProvinceCode } from '../../../http/validation';

export class ProgrammeProvincePath {
  @IsProvinceCode({ description: 'A province code; a former province (30 Hải Dương) gives the province it is part of now' })
  provinceCode!: string;
}
