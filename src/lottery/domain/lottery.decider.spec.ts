import { given } from '../../../test/support/given-when-then';
import { commitmentOf, entrantsHashOf, rankEntrants } from './lottery-algorithm';
import { DrawLottery, lotteryDecider, OpenLottery, projectOfLottery } from './lottery.decider';
import { AlreadyDrawn, LotteryAlreadyOpen, LotteryNotFound, NoEntrants, ProjectHasAllocations, SeedMismatch } from './lottery.errors';
import { LotteryDrawn, LotteryOpened } from './lottery.events';

const NOW = '2026-12-20T09:00:00.000Z';
const SEED = '0f'.repeat(32);
const COMMITMENT = commitmentOf(SEED);
const BEACON_SOURCE = 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20';
const BEACON = '58213';

const open = (data: Partial<OpenLottery['data']> = {}): OpenLottery => ({
  type: 'OpenLottery',
  data: {
    projectId: 'hp-an-dong', provinceCode: '31', units: 2, commitment: COMMITMENT, beaconSource: BEACON_SOURCE,
    eligibleApplicationIds: ['hs-3', 'hs-1', 'hs-2'], allocationIds: [], now: NOW, ...data,
  },
});
const draw = (data: Partial<DrawLottery['data']> = {}): DrawLottery => ({
  type: 'DrawLottery',
  data: { lotteryId: 'hp-an-dong.1', seed: SEED, beacon: BEACON, stillEligible: ['hs-1', 'hs-2', 'hs-3'], now: NOW, ...data },
});

const opened = (lotteryId = 'hp-an-dong.1'): LotteryOpened => ({
  type: 'LotteryOpened',
  data: {
    lotteryId, projectId: 'hp-an-dong', provinceCode: '31', units: 2, commitment: COMMITMENT, beaconSource: BEACON_SOURCE,
    entrants: ['hs-1', 'hs-2', 'hs-3'], entrantsHash: entrantsHashOf(['hs-1', 'hs-2', 'hs-3']), openedAt: NOW,
  },
});
const drawn = (lotteryId = 'hp-an-dong.1', notRanked: string[] = []): LotteryDrawn => ({
  type: 'LotteryDrawn',
  data: { lotteryId, projectId: 'hp-an-dong', seed: SEED, beacon: BEACON, ranking: rankEntrants(SEED, BEACON, ['hs-1', 'hs-2', 'hs-3']), notRanked, drawnAt: NOW },
});

describe('lottery decider: commit, freeze, reveal', () => {
  it('opens with the commitment, the beacon source and the entrants frozen, sorted by id, with their hash', () =>
    given(lotteryDecider, []).when(open()).then([opened()]));

  it('numbers a project’s lotteries: the next after a drawn one is .2', () =>
    given(lotteryDecider, [opened(), drawn()]).when(open()).then([opened('hp-an-dong.2')]));

  it('keeps a commitment in lower case, as SHA-256 hex is compared', () =>
    given(lotteryDecider, []).when(open({ commitment: COMMITMENT.toUpperCase() })).then([opened()]));

  it('refuses a second open lottery of the project', () =>
    given(lotteryDecider, [opened()]).when(open()).thenThrows(LotteryAlreadyOpen, /hp-an-dong\.1/));

  it('refuses to open while allocations of the project are in force', () =>
    given(lotteryDecider, []).when(open({ allocationIds: ['hp-an-dong.A-1.r1'] })).thenThrows(ProjectHasAllocations));

  it('refuses to open with no eligible application', () =>
    given(lotteryDecider, []).when(open({ eligibleApplicationIds: [] })).thenThrows(NoEntrants));

  it('draws: the ranking is every entrant by HMAC score ascending', () =>
    given(lotteryDecider, [opened()]).when(draw()).then([drawn()]));

  it('ranks an entrant no longer eligible at the draw but names it as given no PriorityRanked', () =>
    given(lotteryDecider, [opened()]).when(draw({ stillEligible: ['hs-1', 'hs-3'] })).then([drawn('hp-an-dong.1', ['hs-2'])]));

  it('accepts the seed in upper case and records it in lower case', () =>
    given(lotteryDecider, [opened()]).when(draw({ seed: SEED.toUpperCase() })).then([drawn()]));

  it('refuses a seed whose SHA-256 is not the commitment: SEED_MISMATCH', () =>
    given(lotteryDecider, [opened()]).when(draw({ seed: '0e'.repeat(32) })).thenThrows(SeedMismatch));

  it('refuses a second draw, even with the right seed: ALREADY_DRAWN', () =>
    given(lotteryDecider, [opened(), drawn()]).when(draw()).thenThrows(AlreadyDrawn));

  it('refuses a draw before the opening is recorded', () =>
    given(lotteryDecider, []).when(draw()).thenThrows(LotteryNotFound));

  it('refuses a draw of a lottery the project never opened', () =>
    given(lotteryDecider, [opened()]).when(draw({ lotteryId: 'hp-an-dong.2' })).thenThrows(LotteryNotFound));

  it('reads the project out of a lottery id, and nothing out of a malformed one', () => {
    expect(projectOfLottery('hp-an-dong.12')).toBe('hp-an-dong');
    expect(projectOfLottery('hp-an-dong')).toBeNull();
    expect(projectOfLottery('hp.an.1')).toBeNull();
    expect(projectOfLottery('hp-an-dong.0')).toBeNull();
  });
});
