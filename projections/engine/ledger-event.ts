import type { AllocationRefused } from '../../src/allocation/domain/allocation-attempt.events';
import type { PersonClaimEvent } from '../../src/allocation/domain/person-claim.events';
import type { ProjectEvent } from '../../src/allocation/domain/project.events';
import type { UnitEvent } from '../../src/allocation/domain/unit.events';
import type { ApplicationEvent } from '../../src/applications/domain/application.events';
import type { LogPosition, ReadSideEvent } from '../../src/event-store/event-store.port';
import type { FindingEvent } from '../../src/inspection/domain/finding.events';
import type { PersonalDataRead } from '../../src/inspection/domain/personal-data-read.events';
import type { LotteryEvent } from '../../src/lottery/domain/lottery.events';
import type { LandFundEvent } from '../../src/land-fund/domain/land-fund.events';
import type { ProgrammeEvent } from '../../src/programmes/domain/programme.events';
import type { DomainEvent } from '../../src/shared/decider';
import { type StreamKind, streamKindOf } from '../../src/shared/streams';

/** Every event the write side may append, whatever its stream. */
export type AnyDomainEvent =
  | ProjectEvent | UnitEvent | ApplicationEvent | PersonClaimEvent | LandFundEvent | ProgrammeEvent | LotteryEvent | AllocationRefused | FindingEvent | PersonalDataRead;

/** What every event carries into the ledger besides its payload. */
export interface Envelope {
  readonly eventId: string;
  readonly stream: string;
  readonly position: LogPosition;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

type On<K extends StreamKind, E extends DomainEvent> = E extends DomainEvent ? Envelope & { readonly kind: K; readonly type: E['type']; readonly data: E['data'] } : never;

/** Every event the write side appends, by the stream it is appended to (DESIGN.md "Streams and events"). */
export type LedgerEvent =
  | On<'project', ProjectEvent>
  | On<'unit', UnitEvent>
  | On<'application', ApplicationEvent>
  | On<'person', PersonClaimEvent>
  | On<'landfund', LandFundEvent>
  | On<'programme', ProgrammeEvent>
  | On<'allocation-attempts', AllocationRefused>
  | On<'lottery', LotteryEvent>
  | On<'finding', FindingEvent>
  | On<'personal-data', PersonalDataRead>
  /** An event of a type this ledger does not know (a newer writer): a clock tick and nothing else. */
  | (Envelope & { readonly kind: 'unknown'; readonly type: string });

/** Which event types each stream kind holds: anything else is `unknown` to the projections. */
const TYPES_OF: { readonly [K in StreamKind]: ReadonlySet<string> } = {
  project: new Set(['ProjectRegistered', 'UnitsReleased', 'ProjectTargetSet']),
  unit: new Set(['UnitReleased', 'UnitAllocated', 'AllocationRevoked', 'UnitHandedOver', 'UnitTransferred']),
  application: new Set(['ApplicationSubmitted', 'ApplicationAmended', 'ApplicationWithdrawn', 'PopulationCheckRecorded', 'EligibilityDecided', 'PriorityRanked', 'UnitAllocated', 'AllocationRevoked']),
  person: new Set(['BenefitClaimed', 'BenefitReleased']),
  landfund: new Set(['LandFundObligationRegistered', 'LandFundHandedOver', 'LandFundPaidInLieu']),
  programme: new Set(['ProgrammeTargetSet']),
  'allocation-attempts': new Set(['AllocationRefused']),
  lottery: new Set(['LotteryOpened', 'LotteryDrawn']),
  finding: new Set(['FindingReviewed']),
  'personal-data': new Set(['PersonalDataRead']),
};

/**
 * The stored event as its domain type. Stored payloads were written from these types (a changed
 * shape gets a new schema version and an upcaster first); the stream and type decide which.
 */
export function toLedgerEvent(event: ReadSideEvent): LedgerEvent {
  const kind = streamKindOf(event.stream);
  // Built whole rather than spread from a shared envelope: this runs for every event of a rebuild.
  return {
    eventId: event.eventId,
    stream: event.stream,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
    recordedBy: event.metadata.actor.subject,
    kind: kind !== null && TYPES_OF[kind].has(event.type) ? kind : 'unknown',
    type: event.type,
    data: event.data,
  } as unknown as LedgerEvent;
}
