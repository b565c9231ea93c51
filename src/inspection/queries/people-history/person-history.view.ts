import { ApiProperty } from '@nestjs/swagger';
import { LoggedEventView } from '../../views/logged-event.view';

export class PersonHistoryView {
  @ApiProperty({ example: '031190001234' }) citizenId!: string;
  @ApiProperty({ type: [LoggedEventView], description: 'Every event naming the citizen id, in log order' }) events!: LoggedEventView[];
  @ApiProperty({ description: 'Events withheld from a board because another province wrote them' }) withheld!: number;
}
