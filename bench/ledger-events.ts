import { toNewEvent } from '../src/event-store/new-event';
import type { BenefitClaimed, BenefitReleased } from '../src/allocation/domain/person-claim.events';
import type { ProjectRegistered, UnitsReleased } from '../src/allocation/domain/project.events';
import type { UnitAllocated, UnitHandedOver, UnitReleased, UnitTransferred } from '../src/allocation/domain/unit.events';
import type {
  ApplicationSubmitted, ApplicationUnitAllocated, ApplicationWithdrawn, EligibilityDecided, PriorityRanked,
} from '../src/applications/domain/application.events';
import type { NewEvent, StreamAppend } from '../src/event-store/event-store.port';
import type { LandFundHandedOver, LandFundObligationRegistered, LandFundPaidInLieu } from '../src/land-fund/domain/land-fund.events';
import type { PopulationCheckRecorded } from '../src/population/domain/population-check.events';

/** Every event type the bench dataset writes, as the write side types it. */
export type DatasetEvent =
  | ProjectRegistered | UnitsReleased | UnitReleased | UnitAllocated | UnitHandedOver | UnitTransferred
  | ApplicationSubmitted | EligibilityDecided | PriorityRanked | ApplicationUnitAllocated | ApplicationWithdrawn | PopulationCheckRecorded
  | BenefitClaimed | BenefitReleased
  | LandFundObligationRegistered | LandFundHandedOver | LandFundPaidInLieu;

/**
 * A typed event as the store takes it. Payload types are plain JSON by design (STYLE.md), but
 * TypeScript cannot see a named type as an index signature: the cast is the same one
 * handle-command.ts makes, and it is the only one.
 */
export const toNew = (e: DatasetEvent): NewEvent => toNewEvent(e);

export const append = (stream: string, events: DatasetEvent[]): StreamAppend => ({ stream, events: events.map(toNew), expectedRevision: 'any' });
