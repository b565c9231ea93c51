import { IsOptional } from 'class-validator';
import { IsIsoDate } from '../../../http/validation';

export class ApplicationAsOfRequest {
  @IsOptional()
  @IsIsoDate({
    required: false,
    example: '2026-03-15T09:00:00+07:00',
    description: 'The instant to look back to (ISO 8601; a bare date means 00:00 UTC that day). Default: now.',
  })
  asOf?: string;

  @IsOptional()
  @IsIsoDate({
    required: false,
    example: '2025-01-01',
    description: 'The legal date to look at (API.md "Time travel"): only events whose stated date (submittedAt, decidedAt, …) is on or before that day. With asOf, of what was recorded by then.',
  })
  validAt?: string;
}
