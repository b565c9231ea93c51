import { DomainError } from '../../shared/domain-error';

export class LotteryNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'LOTTERY_NOT_FOUND';

  constructor(lotteryId: string) {
    super(`No lottery ${lotteryId} was opened`, { lotteryId });
  }
}

/** One open lottery per project: two would let a board keep the draw it likes. */
export class LotteryAlreadyOpen extends DomainError {
  readonly status = 409;
  readonly code = 'LOTTERY_ALREADY_OPEN';

  constructor(projectId: string, lotteryId: string) {
    super(`Project ${projectId} already has lottery ${lotteryId} open`, { projectId, lotteryId });
  }
}

/** A lottery decides who is served first; once units are given out, it would decide nothing. */
export class ProjectHasAllocations extends DomainError {
  readonly status = 409;
  readonly code = 'PROJECT_HAS_ALLOCATIONS';

  constructor(projectId: string, allocationIds: string[]) {
    super(`Project ${projectId} already has ${allocationIds.length} allocation(s) in force`, { projectId, allocationIds });
  }
}

export class NoEntrants extends DomainError {
  readonly status = 409;
  readonly code = 'NO_ENTRANTS';

  constructor(projectId: string) {
    super(`Project ${projectId} has no application with an "eligible" decision in force`, { projectId });
  }
}

export class AlreadyDrawn extends DomainError {
  readonly status = 409;
  readonly code = 'ALREADY_DRAWN';

  constructor(lotteryId: string) {
    super(`Lottery ${lotteryId} was already drawn`, { lotteryId });
  }
}

/** The revealed seed is not the one committed to at the opening. */
export class SeedMismatch extends DomainError {
  readonly status = 409;
  readonly code = 'SEED_MISMATCH';

  constructor(lotteryId: string, commitment: string) {
    super(`SHA-256 of the seed given is not the commitment of lottery ${lotteryId} (${commitment})`, { lotteryId, commitment });
  }
}
