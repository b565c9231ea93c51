import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import {
  InvalidLandFundFigure,
  LandFundObligationAlreadyRegistered,
  LandFundObligationDischarged,
  LandFundObligationNotFound,
} from './land-fund.errors';
import { LandFundEvent } from './land-fund.events';

/** Decree 100/2024 Art. 17: 20% of the residential land of qualifying commercial projects. */
export const DEFAULT_REQUIRED_SHARE = 0.2;

export type RegisterObligation = DomainCommand<
  'RegisterObligation',
  {
    commercialProjectId: string;
    name: string;
    provinceCode: string;
    residentialLandAreaM2: number;
    /** Defaults to DEFAULT_REQUIRED_SHARE; a province or a project decision may set another. */
    requiredShare?: number;
    dueDate: string;
    now: string;
  }
>;
export type HandOverLand = DomainCommand<
  'HandOverLand',
  { commercialProjectId: string; form: 'land' | 'equivalent-land'; areaM2: number; parcel: string | null; handedOverAt: string }
>;
export type PayInLieu = DomainCommand<'PayInLieu', { commercialProjectId: string; amountVnd: number; paidAt: string }>;
export type LandFundCommand = RegisterObligation | HandOverLand | PayInLieu;

export type LandFundState = {
  status: 'unregistered' | 'open' | 'discharged';
  requiredAreaM2: number;
  handedOverM2: number;
  paidInLieuVnd: number;
  /** Area still owed: 0 once discharged, whether in land or by payment. */
  outstandingM2: number;
  dueDate: string | null;
  /** Whose boards may record its handovers. */
  provinceCode: string | null;
};

function requirePositiveInteger(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidLandFundFigure(field, value, 'a positive whole number');
}

function requireOpen(state: LandFundState, commercialProjectId: string): void {
  if (state.status === 'unregistered') throw new LandFundObligationNotFound(commercialProjectId);
  if (state.status === 'discharged') throw new LandFundObligationDischarged(commercialProjectId);
}

export const landFundDecider: Decider<LandFundState, LandFundCommand, LandFundEvent> = {
  initialState: () => ({
    status: 'unregistered',
    requiredAreaM2: 0,
    handedOverM2: 0,
    paidInLieuVnd: 0,
    outstandingM2: 0,
    dueDate: null,
    provinceCode: null,
  }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'LandFundObligationRegistered': {
        const { requiredAreaM2, dueDate, provinceCode } = event.data;
        return { ...state, status: 'open', requiredAreaM2, outstandingM2: requiredAreaM2, dueDate, provinceCode };
      }
      case 'LandFundHandedOver': {
        const handedOverM2 = state.handedOverM2 + event.data.areaM2;
        const outstandingM2 = Math.max(0, state.requiredAreaM2 - handedOverM2);
        return { ...state, handedOverM2, outstandingM2, status: outstandingM2 === 0 ? 'discharged' : 'open' };
      }
      case 'LandFundPaidInLieu':
        // Decree 261/2025 (amending Decree 100 Art. 19): paying the land-use fee in lieu fully discharges.
        return { ...state, paidInLieuVnd: state.paidInLieuVnd + event.data.amountVnd, outstandingM2: 0, status: 'discharged' };
      default:
        return assertNever(event);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterObligation': {
        const { requiredShare = DEFAULT_REQUIRED_SHARE, now, ...obligation } = command.data;
        if (state.status !== 'unregistered') throw new LandFundObligationAlreadyRegistered(obligation.commercialProjectId);
        requirePositiveInteger('residentialLandAreaM2', obligation.residentialLandAreaM2);
        if (!(requiredShare > 0 && requiredShare <= 1)) {
          throw new InvalidLandFundFigure('requiredShare', requiredShare, 'a share above 0 and at most 1');
        }
        // Rounded up: rounding down would let a developer owe a fraction less than the law says.
        const requiredAreaM2 = Math.ceil(obligation.residentialLandAreaM2 * requiredShare);
        return [{ type: 'LandFundObligationRegistered', data: { ...obligation, requiredShare, requiredAreaM2, registeredAt: now } }];
      }
      case 'HandOverLand':
        requireOpen(state, command.data.commercialProjectId);
        requirePositiveInteger('areaM2', command.data.areaM2);
        // More land than owed is accepted: it is what was handed over, and it discharges the duty.
        return [{ type: 'LandFundHandedOver', data: { ...command.data } }];
      case 'PayInLieu':
        requireOpen(state, command.data.commercialProjectId);
        requirePositiveInteger('amountVnd', command.data.amountVnd);
        // Whether the amount matches the fee owed needs land prices this ledger does not hold: it is
        // recorded with the area it discharged, for inspectors to judge.
        return [{ type: 'LandFundPaidInLieu', data: { ...command.data, dischargedAreaM2: state.outstandingM2 } }];
      default:
        return assertNever(command);
    }
  },
};
