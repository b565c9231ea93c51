import { IsIdentifier } from '../../http/validation';

/** `:id` of an application or project route: ids become stream names, so the same rule as in bodies. */
export class IdPath {
  @IsIdentifier(64, { example: '7b1c2f0e-1d2a-4c55-9a0b-3f1e2d4c5b6a' })
  id!: string;
}
