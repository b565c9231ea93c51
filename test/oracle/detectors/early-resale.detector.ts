import type { EntityManager } from 'typeorm';
import type { Tenure, TransferKind, UnitTransferred } from '../../../src/allocation/domain/unit.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';
import type { Detector, Evidence, FindingDraft } from './sql-detector';
import { earlyResaleSummary } from '../../../projections/detectors/summaries/early-resale.summary';

/** A transfer as rm_units.transfers keeps it: the facts of the moment it was recorded. */
interface Transfer {
  eventId: string;
  kind: TransferKind;
  fromCitizenId: string | null;
  toCitizenId: string | null;
  priceVnd: number | null;
  transferredAt: string;
  handedOverAt: string | null;
  fullyPaidAt: string | null;
  handoverEventId: string | null;
  /** The buyer's file with an "eligible" decision in force when the transfer was recorded. */
  buyer: { applicationId: string; decisionEventId: string } | null;
}

interface UnitRow {
  project_id: string;
  unit_no: string;
  province_code: string;
  tenure: Tenure;
  price_vnd: string;
  release_event_id: string | null;
  transfers: Transfer[];
}

interface Restriction {
  law: string;
  years: number;
  from: 'full payment' | 'handover';
  startsOn: string;
  /** The first day a sale is free: the anniversary itself is outside the restriction. */
  endsOn: string;
  note: string | null;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** The Vietnamese calendar day of a stated date (a bare day as written, an instant in UTC+7). */
const calendarDay = (v: string) => (v.length === 10 ? v : new Date(Date.parse(v) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10));

/** The same day `years` later; 29 February falls back to the 28th in a common year. */
function anniversary(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Sold units (sale, hire-purchase): 5 years from full payment (Art. 89(1)(d)–(e)); when full payment
 * was never recorded, from handover, which ends the restriction no later than the law would.
 * Rental stock: 10 years from handover (Art. 88(9) counts from acceptance, which the ledger does not hold).
 */
function restrictionOf(t: Transfer, tenure: Tenure): Restriction | null {
  if (tenure === 'rent') {
    if (t.kind !== 'resale' || !t.handedOverAt) return null;
    const startsOn = calendarDay(t.handedOverAt);
    return { law: 'Housing Law Art. 88(9)', years: 10, from: 'handover', startsOn, endsOn: anniversary(startsOn, 10), note: null };
  }
  if (t.kind !== 'resale' && t.kind !== 'return-to-investor') return null;
  const start = t.fullyPaidAt ?? t.handedOverAt;
  if (!start) return null;
  const startsOn = calendarDay(start);
  const note = t.fullyPaidAt ? null : 'Full payment was not recorded: the restriction is counted from handover.';
  return { law: 'Housing Law Art. 89(1)(d)–(e)', years: 5, from: t.fullyPaidAt ? 'full payment' : 'handover', startsOn, endsOn: anniversary(startsOn, 5), note };
}

/** What this transfer broke, if it fell inside its restriction. */
function violationsOf(t: Transfer, tenure: Tenure, originalPrice: number): string[] {
  if (tenure === 'rent') return ['rental-stock-sold'];
  const violations: string[] = [];
  // Within the restriction a unit may go only to the investor or an eligible buyer (Art. 89(1)(d)).
  if (t.kind === 'resale' && !t.buyer) violations.push('buyer-not-eligible');
  if (t.priceVnd !== null && t.priceVnd > originalPrice) violations.push('above-original-price');
  return violations;
}

function summaryOf(u: UnitRow, t: Transfer, r: Restriction, violations: string[], originalPrice: number): string {
  return earlyResaleSummary({
    tenure: u.tenure, unitNo: u.unit_no, projectId: u.project_id, kind: t.kind, toCitizenId: t.toCitizenId, transferredOn: calendarDay(t.transferredAt),
    violations, priceVnd: t.priceVnd, originalPriceVnd: originalPrice, years: r.years, from: r.from, startsOn: r.startsOn, endsOn: r.endsOn, law: r.law,
  });
}

/**
 * Detector 7: a resale within the restriction to anyone but the investor or an eligible buyer, or
 * above the original price; a return to the investor above the original price; rental stock sold
 * within 10 years. "Eligible buyer" is approximated by the ledger's own records: a file of the
 * buyer, not withdrawn, with an "eligible" decision in force when the sale was recorded (any
 * project); the buyer's other conditions are not re-judged. Inheritance and recovery by the state
 * are not sales. A sale on the anniversary day is free: the restriction covers the days before it.
 *
 * Key: the unit; one finding per offending transfer. Each transfer keeps the facts of its own
 * moment, so later events never rewrite a judgement. A finding closes only when the unit later
 * goes back to the investor or the state: the recovery that Art. 88(10) orders for a void sale.
 * Severity: high when the sale is void (ineligible buyer, rental stock), medium for price alone.
 */
export const earlyResale: Detector = {
  name: 'early-resale',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    if (event.type !== 'UnitTransferred' || !event.stream.startsWith('unit-')) return Promise.resolve([]);
    const d = as<UnitTransferred>(event);
    return Promise.resolve([`${d.projectId}.${d.unitNo}`]);
  },

  async evaluate(key: string, tx: EntityManager): Promise<FindingDraft[]> {
    const dot = key.indexOf('.');
    const u = (await tx.query<UnitRow[]>(
      `SELECT project_id, unit_no, province_code, tenure, price_vnd, release_event_id, transfers FROM rm_units WHERE project_id = $1 AND unit_no = $2`,
      [key.slice(0, dot), key.slice(dot + 1)],
    )).at(0);
    if (!u) return [];
    const stream = `unit-${key}`;
    const originalPrice = Number(u.price_vnd);
    return u.transfers.flatMap((t, i): FindingDraft[] => {
      const recovered = t.kind === 'resale' && u.transfers.slice(i + 1).some((l) => l.kind === 'return-to-investor' || l.kind === 'return-to-state');
      const r = restrictionOf(t, u.tenure);
      if (recovered || !r || calendarDay(t.transferredAt) >= r.endsOn) return [];
      const violations = violationsOf(t, u.tenure, originalPrice);
      if (violations.length === 0) return [];
      const evidence: Evidence[] = [
        ...[u.release_event_id, t.handoverEventId, t.eventId].filter((id) => id !== null).map((eventId) => ({ eventId, stream })),
        ...(t.buyer ? [{ eventId: t.buyer.decisionEventId, stream: `application-${t.buyer.applicationId}` }] : []),
      ];
      return [
        {
          discriminator: t.eventId,
          severity: violations.some((v) => v !== 'above-original-price') ? 'high' : 'medium',
          provinceCode: u.province_code,
          citizenIds: [...new Set([t.fromCitizenId, t.toCitizenId].filter((c) => c !== null))],
          evidence,
          summary: summaryOf(u, t, r, violations, originalPrice),
          details: {
            kind: t.kind, tenure: u.tenure, transferredAt: t.transferredAt, violations, restriction: r,
            priceVnd: t.priceVnd, originalPriceVnd: originalPrice, sellerCitizenId: t.fromCitizenId, buyerCitizenId: t.toCitizenId,
            buyerEligibleApplicationId: t.buyer?.applicationId ?? null,
          },
        },
      ];
    });
  },
};
