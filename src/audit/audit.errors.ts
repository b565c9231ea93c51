import { DomainError } from '../shared/domain-error';

export class StreamNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'STREAM_NOT_FOUND';

  constructor(stream: string) {
    super(`No stream ${stream}`, { stream });
  }
}
