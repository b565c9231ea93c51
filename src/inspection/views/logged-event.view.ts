import { ApiProperty } from '@nestjs/swagger';
import { RawEventView } from '../../event-store/stored-event.view';
import type { StoredEvent } from '../../event-store/event-store.port';

/** A raw event (positions and hashes, as GET /streams/:id/events shows it) with its stream: answers here span streams. */
export class LoggedEventView extends RawEventView {
  @ApiProperty({ example: 'application-hp-trang-cat-hs-0001' }) stream!: string;

  static from(event: StoredEvent): LoggedEventView {
    // Object.assign, not a spread: the linter cannot tell a view (a plain shape) from an instance with methods.
    return Object.assign({ stream: event.stream }, RawEventView.of(event));
  }
}
