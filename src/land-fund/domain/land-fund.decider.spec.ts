import { given } from '../../../test/support/given-when-then';
import { fold } from '../../shared/decider';
import { HandOverLand, landFundDecider, PayInLieu, RegisterObligation } from './land-fund.decider';
import {
  InvalidLandFundFigure,
  LandFundObligationAlreadyRegistered,
  LandFundObligationDischarged,
  LandFundObligationNotFound,
} from './land-fund.errors';
import { LandFundEvent, LandFundHandedOver, LandFundObligationRegistered, LandFundPaidInLieu } from './land-fund.events';

const PROJECT = 'vinhomes-marina';

const register = (data: Partial<RegisterObligation['data']> = {}): RegisterObligation => ({
  type: 'RegisterObligation',
  data: {
    commercialProjectId: PROJECT,
    name: 'Vinhomes Marina',
    provinceCode: '31',
    residentialLandAreaM2: 123_455,
    dueDate: '2027-12-31',
    now: '2025-02-01T02:00:00.000Z',
    ...data,
  },
});
const handOver = (data: Partial<HandOverLand['data']> = {}): HandOverLand => ({
  type: 'HandOverLand',
  data: { commercialProjectId: PROJECT, form: 'land', areaM2: 10_000, parcel: 'Tờ 12, thửa 345', handedOverAt: '2026-06-01', ...data },
});
const payInLieu = (data: Partial<PayInLieu['data']> = {}): PayInLieu => ({
  type: 'PayInLieu',
  data: { commercialProjectId: PROJECT, amountVnd: 250_000_000_000, paidAt: '2027-01-15', ...data },
});

const registered = (data: Partial<LandFundObligationRegistered['data']> = {}): LandFundObligationRegistered => ({
  type: 'LandFundObligationRegistered',
  data: {
    commercialProjectId: PROJECT,
    name: 'Vinhomes Marina',
    provinceCode: '31',
    residentialLandAreaM2: 123_455,
    requiredShare: 0.2,
    requiredAreaM2: 24_691,
    dueDate: '2027-12-31',
    registeredAt: '2025-02-01T02:00:00.000Z',
    ...data,
  },
});
const handedOver = (data: Partial<LandFundHandedOver['data']> = {}): LandFundHandedOver => ({
  type: 'LandFundHandedOver',
  data: { commercialProjectId: PROJECT, form: 'land', areaM2: 10_000, parcel: 'Tờ 12, thửa 345', handedOverAt: '2026-06-01', ...data },
});
const paidInLieu = (data: Partial<LandFundPaidInLieu['data']> = {}): LandFundPaidInLieu => ({
  type: 'LandFundPaidInLieu',
  data: { commercialProjectId: PROJECT, amountVnd: 250_000_000_000, dischargedAreaM2: 14_691, paidAt: '2027-01-15', ...data },
});

describe('land-fund decider', () => {
  describe('registering an obligation', () => {
    it('requires 20% of the residential land by default', () =>
      given(landFundDecider, []).when(register()).then([registered()]));

    it('rounds a fractional requirement up to the next whole m²: a legal duty is never rounded away', () =>
      given(landFundDecider, [])
        .when(register({ residentialLandAreaM2: 123_457 }))
        .then([registered({ residentialLandAreaM2: 123_457, requiredAreaM2: 24_692 })]));

    it('leaves even a tiny plot owing at least 1 m², open until handed over', () =>
      given(landFundDecider, [])
        .when(register({ residentialLandAreaM2: 2 }))
        .then([registered({ residentialLandAreaM2: 2, requiredAreaM2: 1 })]));

    it('uses the share given by the province instead of the default', () =>
      given(landFundDecider, [])
        .when(register({ requiredShare: 0.25 }))
        .then([registered({ requiredShare: 0.25, requiredAreaM2: 30_864 })]));

    it('refuses a second obligation for the same project', () =>
      given(landFundDecider, [registered()]).when(register()).thenThrows(LandFundObligationAlreadyRegistered));

    it.each([0, -1, 100.5])('refuses a residential land area of %p m²', (residentialLandAreaM2) =>
      given(landFundDecider, [])
        .when(register({ residentialLandAreaM2 }))
        .thenThrows(InvalidLandFundFigure, /residentialLandAreaM2/),
    );

    it.each([0, 1.2, -0.2])('refuses a required share of %p', (requiredShare) =>
      given(landFundDecider, [])
        .when(register({ requiredShare }))
        .thenThrows(InvalidLandFundFigure, /requiredShare/),
    );
  });

  describe('handing over land', () => {
    it('records land handed over towards the obligation', () =>
      given(landFundDecider, [registered()]).when(handOver()).then([handedOver()]));

    it('records equivalent land elsewhere', () =>
      given(landFundDecider, [registered()])
        .when(handOver({ form: 'equivalent-land', parcel: null }))
        .then([handedOver({ form: 'equivalent-land', parcel: null })]));

    it('refuses a handover before the obligation is registered', () =>
      given(landFundDecider, []).when(handOver()).thenThrows(LandFundObligationNotFound));

    it('refuses a handover after the land handed over discharged the obligation', () =>
      given(landFundDecider, [registered(), handedOver({ areaM2: 24_691 })])
        .when(handOver())
        .thenThrows(LandFundObligationDischarged));

    it('refuses a handover of no land', () =>
      given(landFundDecider, [registered()])
        .when(handOver({ areaM2: 0 }))
        .thenThrows(InvalidLandFundFigure, /areaM2/));
  });

  describe('paying in lieu', () => {
    it('records the payment and the area it discharged', () =>
      given(landFundDecider, [registered(), handedOver()]).when(payInLieu()).then([paidInLieu()]));

    it('refuses a payment before the obligation is registered', () =>
      given(landFundDecider, []).when(payInLieu()).thenThrows(LandFundObligationNotFound));

    it('refuses a payment after the obligation was discharged by an earlier payment', () =>
      given(landFundDecider, [registered(), paidInLieu({ dischargedAreaM2: 24_691 })])
        .when(payInLieu())
        .thenThrows(LandFundObligationDischarged));

    it('refuses a payment of nothing', () =>
      given(landFundDecider, [registered()])
        .when(payInLieu({ amountVnd: 0 }))
        .thenThrows(InvalidLandFundFigure, /amountVnd/));
  });

  describe('state', () => {
    const stateAfter = (events: LandFundEvent[]) => fold(landFundDecider, events);

    it('tracks the area handed over and what is still outstanding', () =>
      expect(stateAfter([registered(), handedOver(), handedOver({ areaM2: 4_000 })])).toMatchObject({
        status: 'open',
        requiredAreaM2: 24_691,
        handedOverM2: 14_000,
        outstandingM2: 10_691,
      }));

    it('is discharged once the land handed over covers the requirement, even over it', () =>
      expect(stateAfter([registered(), handedOver({ areaM2: 30_000 })])).toMatchObject({ status: 'discharged', outstandingM2: 0 }));

    it('is fully discharged by a payment in lieu after a partial handover (Decree 261/2025)', () =>
      expect(stateAfter([registered(), handedOver(), paidInLieu()])).toMatchObject({
        status: 'discharged',
        handedOverM2: 10_000,
        paidInLieuVnd: 250_000_000_000,
        outstandingM2: 0,
      }));
  });
});
