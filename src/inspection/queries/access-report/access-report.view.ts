import { ApiProperty } from '@nestjs/swagger';

export class RecordedReadView {
  @ApiProperty({ example: '2026-11-23T08:00:00.000Z', description: 'When the data was read' }) at!: string;
  @ApiProperty({ example: 'thanh-tra-nguyen-van-a', description: 'Who read it (token subject)' }) subject!: string;
  @ApiProperty({ enum: ['inspector', 'police', 'admin'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) province!: string | null;
  @ApiProperty({ example: 'GET /api/v1/findings/:id', description: 'Through which endpoint, i.e. for what purpose' }) endpoint!: string;
  @ApiProperty({ type: [String], description: 'What was asked for (finding, application, stream ids)' }) ids!: string[];
  @ApiProperty({ description: 'The PersonalDataRead event recording it' }) eventId!: string;
  @ApiProperty({ example: 'audit-reads-2026-11-23' }) stream!: string;
  @ApiProperty({ example: '7581/120' }) position!: string;
}

/** The subject-access report (Law 91/2025 on Personal Data Protection): every recorded read of one person's data. */
export class AccessReportView {
  @ApiProperty({ example: '031190001234' }) citizenId!: string;
  @ApiProperty({ type: [RecordedReadView], description: 'In log order' }) reads!: RecordedReadView[];
}
