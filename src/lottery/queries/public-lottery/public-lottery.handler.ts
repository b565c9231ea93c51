import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { maskFullName } from '../../../shared/identity/mask';
import { streams } from '../../../shared/streams';
import { filesAsTheyStand } from '../../commands/project-files';
import { projectOfLottery } from '../../domain/lottery.decider';
import { LotteryNotFound } from '../../domain/lottery.errors';
import type { LotteryDrawn, LotteryEvent, LotteryOpened } from '../../domain/lottery.events';
import { PublicLotteryQuery } from './public-lottery.query';
import type { PublicLotteryView } from './public-lottery.view';

/** From the log, not a read model: what is published is exactly what was recorded, with no lag. */
@QueryHandler(PublicLotteryQuery)
export class PublicLotteryHandler implements IQueryHandler<PublicLotteryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ lotteryId }: PublicLotteryQuery): Promise<PublicLotteryView> {
    const projectId = projectOfLottery(lotteryId);
    if (projectId === null) throw new LotteryNotFound(lotteryId);
    const events = (await this.store.readStream(streams.lottery(projectId))).map((e) => ({ type: e.type, data: e.data }) as unknown as LotteryEvent);
    const opened = events.find((e): e is LotteryOpened => e.type === 'LotteryOpened' && e.data.lotteryId === lotteryId)?.data;
    if (!opened) throw new LotteryNotFound(lotteryId);
    const drawn = events.find((e): e is LotteryDrawn => e.type === 'LotteryDrawn' && e.data.lotteryId === lotteryId)?.data;
    const files = new Map((await filesAsTheyStand(this.store, opened.entrants)).map((f) => [f.applicationId, f.state]));
    const entrants = opened.entrants.map((applicationId) => {
      const file = files.get(applicationId);
      return { applicationId, applicant: file && file.status !== 'not-submitted' ? maskFullName(file.applicant.fullName) : '' };
    });
    const view: PublicLotteryView = {
      id: opened.lotteryId, projectId: opened.projectId, status: drawn ? 'drawn' : 'open', units: opened.units, entrants,
      entrantsHash: opened.entrantsHash, commitment: opened.commitment, beaconSource: opened.beaconSource, createdAt: opened.openedAt,
    };
    if (drawn) Object.assign(view, { seed: drawn.seed, beacon: drawn.beacon, drawnAt: drawn.drawnAt, ranking: drawn.ranking, notRanked: drawn.notRanked });
    return view;
  }
}
