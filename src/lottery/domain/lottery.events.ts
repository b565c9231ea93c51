import { DomainEvent } from '../../shared/decider';
import type { DrawnRank } from './lottery-algorithm';

/**
 * Stream `lottery-{projectId}`: every lottery of one project, so "one open lottery at a time" is
 * that stream's invariant, kept by its expected revision. A lottery's id is `{projectId}.{n}`.
 */

/** Commit and freeze: the seed's commitment, the beacon to come, and who takes part. */
export type LotteryOpened = DomainEvent<
  'LotteryOpened',
  {
    lotteryId: string;
    projectId: string;
    provinceCode: string;
    /** Units offered: the first `units` of the ranking are served first. */
    units: number;
    /** hex SHA-256 of the 32-byte seed the supervising officer keeps until the draw. */
    commitment: string;
    /** The public random value still to come, named (e.g. a lottery's special prize of a date). */
    beaconSource: string;
    /** Every application of the project with an "eligible" decision in force and not withdrawn, sorted by id. */
    entrants: string[];
    entrantsHash: string;
    openedAt: string;
  }
>;

/** Reveal: the seed and the beacon, and the ranking anyone can recompute from them. */
export type LotteryDrawn = DomainEvent<
  'LotteryDrawn',
  {
    lotteryId: string;
    projectId: string;
    seed: string;
    beacon: string;
    /** Every entrant, by score ascending. */
    ranking: DrawnRank[];
    /** Entrants no longer eligible at the draw (withdrawn, or the decision changed): ranked here, given no PriorityRanked. */
    notRanked: string[];
    drawnAt: string;
  }
>;

export type LotteryEvent = LotteryOpened | LotteryDrawn;
