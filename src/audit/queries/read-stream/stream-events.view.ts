import { ApiProperty } from '@nestjs/swagger';
import { RawEventView } from '../../../event-store/stored-event.view';

export class StreamEventsView {
  @ApiProperty({ example: 'application-3f2c…' }) stream!: string;
  @ApiProperty({ type: [RawEventView] }) events!: RawEventView[];
}
