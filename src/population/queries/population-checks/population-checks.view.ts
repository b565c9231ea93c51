import { ApiProperty } from '@nestjs/swagger';
import type { StoredEvent } from '../../../event-store/event-store.port';
import { vietnameseOf } from '../../domain/identity-reasons';
import type { CheckSources, PersonCheck, PopulationCheckRecorded } from '../../domain/population-check.events';

class RegistrySourceView {
  @ApiProperty({ enum: ['extract', 'http'] }) kind!: 'extract' | 'http';
  @ApiProperty({ example: 'population-extract-3', description: '"none": nothing was imported' }) snapshot!: string;
}

class CheckSourcesView {
  @ApiProperty({ type: RegistrySourceView }) population!: CheckSources['population'];
  @ApiProperty({ type: RegistrySourceView }) land!: CheckSources['land'];
}

/**
 * One person's result. Identity, residence, household and housing facts only: this view has no
 * field for income, beneficiary category or eligibility decisions, and must never get one
 * (POLICY.md "Personal data"; the least-privilege test reads every police answer).
 */
class PersonCheckView {
  @ApiProperty({ example: '031190001234' }) citizenId!: string;
  @ApiProperty({ enum: ['applicant', 'spouse', 'child', 'parent', 'other'] }) role!: PersonCheck['role'];
  @ApiProperty({ enum: ['match', 'name-mismatch', 'birth-date-mismatch', 'gender-mismatch', 'unknown'] }) identity!: PersonCheck['identity'];
  @ApiProperty({ type: [String], example: ['ngày sinh đã khai 1990-04-12, cơ sở dữ liệu dân cư ghi 1990-04-21'], description: 'In Vietnamese, for checks recorded in English only too' })
  identityReasons!: string[];
  @ApiProperty({ type: [String], example: ['born 1990-04-12 declared, 1990-04-21 in the registry'], description: 'The same reasons in English, as the check recorded them' })
  identityReasonsEn!: string[];
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: unknown to the registry' }) alive!: boolean | null;
  @ApiProperty({ type: String, nullable: true, example: '31' }) residenceProvince!: string | null;
  @ApiProperty({ enum: ['consistent', 'undeclared-spouse', 'declared-spouse-not-spouse', 'household-differs', 'unknown'] })
  household!: PersonCheck['household'];
  @ApiProperty({ type: String, nullable: true }) undeclaredSpouseCitizenId!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no land-registry extract was available' }) ownsHousingInProvince!: boolean | null;
  @ApiProperty({ type: [String], example: ['CS 123456'] }) housingCertificates!: string[];
  @ApiProperty({ type: Boolean, nullable: true }) undeclaredSpouseOwnsHousingInProvince!: boolean | null;

  /** The recorded check with its reasons in Vietnamese, the English beside them. */
  static from({ identityReasons, identityReasonsVi, ...facts }: PersonCheck): PersonCheckView {
    return { ...facts, identityReasons: identityReasonsVi ?? identityReasons.map(vietnameseOf), identityReasonsEn: identityReasons };
  }
}

class RecordedCheckView {
  @ApiProperty({ format: 'uuid', description: 'The PopulationCheckRecorded event: the evidence findings cite' }) eventId!: string;
  @ApiProperty({ example: '2026-04-01T03:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ example: 'police-31-nguyen' }) checkedBy!: string;
  @ApiProperty({ type: CheckSourcesView }) sources!: CheckSources;
  @ApiProperty({ type: [PersonCheckView] }) persons!: PersonCheckView[];

  static from(event: StoredEvent): RecordedCheckView {
    const data = event.data as PopulationCheckRecorded['data'];
    return { eventId: event.eventId, recordedAt: event.metadata.recordedAt, checkedBy: event.metadata.actor.subject, sources: data.sources, persons: data.persons.map((p) => PersonCheckView.from(p)) };
  }
}

export class PopulationChecksView {
  @ApiProperty({ example: 'hp-trang-cat-hs-0001' }) applicationId!: string;
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty({ type: [RecordedCheckView], description: 'Every check of the file, oldest first: the last one is in force' })
  checks!: RecordedCheckView[];

  static of(applicationId: string, provinceCode: string, events: StoredEvent[]): PopulationChecksView {
    return { applicationId, provinceCode, checks: events.filter((e) => e.type === 'PopulationCheckRecorded').map((e) => RecordedCheckView.from(e)) };
  }
}
