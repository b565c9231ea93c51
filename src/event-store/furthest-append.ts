import { isBefore, type LogPosition, type WrittenEvent } from './event-store.port';

/** `EventStore.lastAppended` for both backends: the furthest position among the events an instance answered for. */
export class FurthestAppend {
  private furthest: LogPosition | undefined;

  get position(): LogPosition | undefined {
    return this.furthest;
  }

  /** Passes the events through, so a backend can note its answer where it returns it. */
  note<Answer extends { events: WrittenEvent[] }>(answer: Answer): Answer {
    for (const { position } of answer.events) {
      if (this.furthest === undefined || isBefore(this.furthest, position)) this.furthest = position;
    }
    return answer;
  }
}
