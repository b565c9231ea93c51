import { DomainEvent } from '../../shared/decider';

/**
 * Stream `landfund-{commercialProjectId}`: a commercial housing project's duty to reserve part of
 * its residential land for social housing (Decree 100/2024 Art. 17) and how it was discharged.
 */
export type LandFundObligationRegistered = DomainEvent<
  'LandFundObligationRegistered',
  {
    commercialProjectId: string;
    name: string;
    provinceCode: string;
    residentialLandAreaM2: number;
    requiredShare: number;
    /** round(residentialLandAreaM2 × requiredShare), fixed at registration. */
    requiredAreaM2: number;
    dueDate: string;
    registeredAt: string;
  }
>;

export type LandFundHandedOver = DomainEvent<
  'LandFundHandedOver',
  {
    commercialProjectId: string;
    form: 'land' | 'equivalent-land';
    areaM2: number;
    parcel: string | null;
    handedOverAt: string;
  }
>;

export type LandFundPaidInLieu = DomainEvent<
  'LandFundPaidInLieu',
  {
    commercialProjectId: string;
    amountVnd: number;
    /** The area still owed when paid: what the land-use fee was due on and what it discharged. */
    dischargedAreaM2: number;
    paidAt: string;
  }
>;

export type LandFundEvent = LandFundObligationRegistered | LandFundHandedOver | LandFundPaidInLieu;
