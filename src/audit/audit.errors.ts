import { DomainError } from '../shared/domain-error';

export class StreamNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'STREAM_NOT_FOUND';

  constructor(stream: string) {
    super(`No stream ${stream}`, { stream });
  }
}

export class CheckpointNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'CHECKPOINT_NOT_FOUND';

  constructor(treeSize?: number) {
    super(treeSize === undefined ? 'No checkpoint has been signed yet' : `No checkpoint of tree size ${treeSize}`, treeSize === undefined ? {} : { treeSize });
  }
}

export class EventNotInTree extends DomainError {
  readonly status = 404;
  readonly code = 'EVENT_NOT_IN_TREE';

  constructor(eventId: string, treeSize: number) {
    super(`Event ${eventId} is not among the first ${treeSize} leaves of the tree`, { eventId, treeSize });
  }
}

export class ProofOutOfRange extends DomainError {
  readonly status = 400;
  readonly code = 'PROOF_OUT_OF_RANGE';
}

export class CosignatureRejected extends DomainError {
  readonly status = 400;
  readonly code = 'COSIGNATURE_REJECTED';

  constructor(reason: string, keyId: string) {
    super(reason, { keyId });
  }
}
