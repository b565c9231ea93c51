import { IsIdentifier } from '../../http/validation';

/** `:id` of a finding: it becomes part of the stream name `finding-{id}`, so the identifier rule. */
export class FindingIdPath {
  @IsIdentifier(100, { example: 'duplicate-applicant-3f2a9c0d1e4b5a6c7d8e' })
  id!: string;
}
