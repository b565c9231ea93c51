import { IsCitizenId } from '../../../http/validation';

export class CitizenIdPath {
  @IsCitizenId()
  citizenId!: string;
}
