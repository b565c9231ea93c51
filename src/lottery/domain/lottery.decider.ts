import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import { commitmentOf, entrantsHashOf, rankEntrants, sortIds } from './lottery-algorithm';
import { AlreadyDrawn, LotteryAlreadyOpen, LotteryNotFound, NoEntrants, ProjectHasAllocations, SeedMismatch } from './lottery.errors';
import { LotteryEvent, LotteryOpened } from './lottery.events';

/**
 * `eligibleApplicationIds` and `allocationIds` are what the handler read from the log just before:
 * the project's files with an "eligible" decision in force and not withdrawn, and the allocations
 * in force on its units.
 */
export type OpenLottery = DomainCommand<
  'OpenLottery',
  Pick<LotteryOpened['data'], 'projectId' | 'provinceCode' | 'units' | 'commitment' | 'beaconSource'> & {
    eligibleApplicationIds: string[];
    allocationIds: string[];
    now: string;
  }
>;
/** `stillEligible`: the entrants whose files are still eligible and not withdrawn now (read by the handler). */
export type DrawLottery = DomainCommand<'DrawLottery', { lotteryId: string; seed: string; beacon: string; stillEligible: string[]; now: string }>;
export type LotteryCommand = OpenLottery | DrawLottery;

export interface LotteryRecord {
  lotteryId: string;
  projectId: string;
  status: 'open' | 'drawn';
  commitment: string;
  entrants: string[];
}
/** A project's lotteries, in the order they were opened. */
export type LotteryState = { lotteries: LotteryRecord[] };

export const lotteryIdOf = (projectId: string, ordinal: number) => `${projectId}.${ordinal}`;

/** The project a lottery id names, or null when it is not of the form `{projectId}.{n}`. */
export function projectOfLottery(lotteryId: string): string | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.[1-9]\d{0,5}$/.exec(lotteryId);
  return match ? match[1] : null;
}

export const lotteryDecider: Decider<LotteryState, LotteryCommand, LotteryEvent> = {
  initialState: () => ({ lotteries: [] }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'LotteryOpened': {
        const { lotteryId, projectId, commitment, entrants } = event.data;
        return { lotteries: [...state.lotteries, { lotteryId, projectId, status: 'open', commitment, entrants }] };
      }
      case 'LotteryDrawn':
        return { lotteries: state.lotteries.map((l) => (l.lotteryId === event.data.lotteryId ? { ...l, status: 'drawn' } : l)) };
      default:
        return assertNever(event);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'OpenLottery': {
        const { eligibleApplicationIds, allocationIds, now, ...opening } = command.data;
        const open = state.lotteries.find((l) => l.status === 'open');
        if (open) throw new LotteryAlreadyOpen(opening.projectId, open.lotteryId);
        if (allocationIds.length > 0) throw new ProjectHasAllocations(opening.projectId, allocationIds);
        const entrants = sortIds([...new Set(eligibleApplicationIds)]);
        if (entrants.length === 0) throw new NoEntrants(opening.projectId);
        const lotteryId = lotteryIdOf(opening.projectId, state.lotteries.length + 1);
        return [{
          type: 'LotteryOpened',
          data: { lotteryId, ...opening, commitment: opening.commitment.toLowerCase(), entrants, entrantsHash: entrantsHashOf(entrants), openedAt: now },
        }];
      }
      case 'DrawLottery': {
        const { lotteryId, beacon, stillEligible, now } = command.data;
        const lottery = state.lotteries.find((l) => l.lotteryId === lotteryId);
        if (!lottery) throw new LotteryNotFound(lotteryId);
        if (lottery.status === 'drawn') throw new AlreadyDrawn(lotteryId);
        const seed = command.data.seed.toLowerCase();
        if (commitmentOf(seed) !== lottery.commitment) throw new SeedMismatch(lotteryId, lottery.commitment);
        const eligible = new Set(stillEligible);
        return [{
          type: 'LotteryDrawn',
          data: {
            lotteryId, projectId: lottery.projectId, seed, beacon, ranking: rankEntrants(seed, beacon, lottery.entrants),
            notRanked: lottery.entrants.filter((id) => !eligible.has(id)), drawnAt: now,
          },
        }];
      }
      default:
        return assertNever(command);
    }
  },
};
