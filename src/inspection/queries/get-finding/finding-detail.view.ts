import { ApiProperty } from '@nestjs/swagger';
import { FindingView } from '../../findings/finding.view';
import { LoggedEventView } from '../../views/logged-event.view';

export class UnavailableEvidenceView {
  @ApiProperty() eventId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ enum: ['another-province', 'not-in-log'], description: 'Withheld from a board (written by another province), or missing from the log' })
  reason!: 'another-province' | 'not-in-log';
}

export class FindingDetailView extends FindingView {
  @ApiProperty({ type: [LoggedEventView], description: 'The evidence events in full, with positions and hashes, in evidence order' })
  evidenceEvents!: LoggedEventView[];
  @ApiProperty({ type: [UnavailableEvidenceView], description: 'Evidence not shown, and why; empty for inspectors unless the log lost an event' })
  unavailableEvidence!: UnavailableEvidenceView[];
}
