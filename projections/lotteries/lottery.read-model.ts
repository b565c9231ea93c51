import { streams } from '../../src/shared/streams';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/**
 * rm_lotteries: each lottery with the facts of its moments, as the unit read model keeps an
 * allocation's basis: at the opening, which files of the project were eligible (decision in
 * force, not withdrawn) and which allocations were already in force; until the draw, every
 * allocation of the project recorded. The lottery-integrity detector judges them.
 */
export function applyLotteryEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind === 'lottery' && event.type === 'LotteryOpened') {
    const d = event.data;
    state.addLottery({
      lottery_id: d.lotteryId, project_id: d.projectId, province_code: d.provinceCode, status: 'open', entrants: d.entrants,
      opened_event_id: event.eventId, drawn_event_id: null,
      eligible_at_opening: state.applicationsOfProject(d.projectId)
        .filter((a) => a.status !== 'withdrawn' && a.decision?.outcome === 'eligible')
        .map((a) => ({ applicationId: a.application_id, citizenId: a.citizen_id, decisionEventId: a.decision?.eventId ?? '' })),
      allocations_before_draw: state.unitsOfProject(d.projectId).flatMap((u) =>
        u.allocation_id && u.allocation_event_id && u.application_id && u.citizen_id
          ? [{ allocationId: u.allocation_id, unitNo: u.unit_no, applicationId: u.application_id, citizenId: u.citizen_id,
              eventId: u.allocation_event_id, stream: streams.unit(u.project_id, u.unit_no) }]
          : []),
    });
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the only lottery event left today; named so the next one is not taken for a draw
  if (event.kind === 'lottery' && event.type === 'LotteryDrawn') {
    const l = state.lottery(event.data.lotteryId);
    if (!l) return;
    l.status = 'drawn';
    l.drawn_event_id = event.eventId;
    state.lotteries.touch(l);
    return;
  }
  if (event.kind === 'unit' && event.type === 'UnitAllocated') {
    const d = event.data;
    for (const l of state.lotteriesOfProject(d.projectId)) {
      if (l.status !== 'open') continue;
      l.allocations_before_draw = [...l.allocations_before_draw, { allocationId: d.allocationId, unitNo: d.unitNo, applicationId: d.applicationId,
        citizenId: d.citizenId, eventId: event.eventId, stream: event.stream }];
      state.lotteries.touch(l);
    }
  }
}
