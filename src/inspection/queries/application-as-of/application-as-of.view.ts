import { ApiProperty } from '@nestjs/swagger';
import { LoggedEventView } from '../../views/logged-event.view';

export class ApplicationAsOfView {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ example: '2026-03-15T02:00:00.000Z' }) asOf!: string;
  @ApiProperty({ required: false, example: '2025-01-01', description: 'The legal date asked for, when it was' }) validAt?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The application as its stream told it then: status (open | withdrawn | allocated | revoked), declaration, decision in force, rank, allocation',
  })
  state!: Record<string, unknown>;
  @ApiProperty({ type: [LoggedEventView], description: 'The events recorded by then, folded into the state' }) events!: LoggedEventView[];
}
