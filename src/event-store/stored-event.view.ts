// An event as HTTP answers show it (raw stream reads, findings' evidence): the store's own shape, positions as strings.
import { ApiProperty } from '@nestjs/swagger';
import type { EventMetadata, StoredEvent } from './event-store.port';

export class LogPositionView {
  @ApiProperty({ example: '7581' }) commit!: string;
  @ApiProperty({ example: '120' }) prepare!: string;
}

export class RawEventView {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'ApplicationSubmitted' }) type!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Unique event number (string: may exceed 2^53)' }) globalPosition!: string;
  @ApiProperty({ type: LogPositionView, description: 'Place in the read order of the global log' }) position!: LogPositionView;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: EventMetadata;
  @ApiProperty({ example: '0'.repeat(64) }) prevHash!: string;
  @ApiProperty() hash!: string;

  static of(event: StoredEvent): RawEventView {
    return {
      eventId: event.eventId,
      type: event.type,
      revision: event.revision,
      globalPosition: event.globalPosition.toString(),
      position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
      data: event.data,
      metadata: event.metadata,
      prevHash: event.prevHash,
      hash: event.hash,
    };
  }
}

