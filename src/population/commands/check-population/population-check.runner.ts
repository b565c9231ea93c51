import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { ConcurrencyConflict, PartialAppend } from '../../../event-store/event-store.errors';
import { EVENT_STORE, type EventStore, type StreamAppend } from '../../../event-store/event-store.port';
import { decide, type Loaded, loadedFrom } from '../../../event-store/handle-command';
import type { Actor } from '../../../shared/actor';
import { chunks } from '../../../shared/chunks';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { checkFails } from '../../domain/check-problems';
import { citizenIdsOf, crossCheck, undeclaredSpouseOf } from '../../domain/cross-check';
import { type CheckMode, populationCheckDecider, type PopulationCheckState, wantsCheck } from '../../domain/population-check.decider';
import type { CheckSources, PersonCheck } from '../../domain/population-check.events';
import { NoPopulationSnapshot } from '../../domain/population.errors';
import { RegistryUnavailable } from '../../http/circuit-breaker';
import { type HousingOwned, LAND_REGISTRY, type LandRegistry } from '../../land-registry.port';
import { POPULATION_REGISTRY, type PopulationRegistry } from '../../population-registry.port';
import type { SubmittedApplication } from '../../../applications/domain/application.state';

export interface CheckTally {
  /** Files whose check was recorded. */
  checked: number;
  /** Of those, files where the check found at least one problem (DESIGN.md detector 4). */
  mismatches: number;
}

/** A run stopped by the registry: what it recorded before, kept, and the error to answer with. */
export class ChecksInterrupted extends Error {
  constructor(readonly tally: CheckTally, readonly registryError: RegistryUnavailable) {
    super(registryError.message, { cause: registryError });
    this.name = 'ChecksInterrupted';
  }
}

/** A file whose stream moved between our read and our append is read and checked again, this often. */
const ATTEMPTS_PER_FILE = 3;
/** Appends in flight when the store has no multi-stream transaction (EventStoreDB). */
const APPENDS_IN_FLIGHT = 16;

type Due = { loaded: Loaded<PopulationCheckState>; application: SubmittedApplication };

/**
 * Checks files in chunks: one read of all their streams, one registry lookup for all their
 * people, one land lookup per province, then one atomic append (PostgreSQL) of every chunk's
 * checks, each expecting the revision it was decided on. Lookups finish before anything is
 * appended, so a registry that fails leaves a chunk unrecorded, never recorded as a match.
 */
@Injectable()
export class PopulationCheckRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(POPULATION_REGISTRY) private readonly population: PopulationRegistry,
    @Inject(LAND_REGISTRY) private readonly land: LandRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Checks chunk after chunk of application ids. A chunk's refusals (404, 403, 409) come before
   * any of its appends: a caller that passes all its ids as one chunk writes nothing on bad input.
   */
  async run(chunks: AsyncIterable<string[]> | Iterable<string[]>, mode: CheckMode, actor: Actor): Promise<CheckTally> {
    const tally: CheckTally = { checked: 0, mismatches: 0 };
    // One correlation id per run: an inspector can list everything one sweep recorded.
    const correlationId = randomUUID();
    try {
      for await (const ids of chunks) {
        const done = await this.checkChunk(ids, mode, actor, correlationId);
        tally.checked += done.checked;
        tally.mismatches += done.mismatches;
      }
    } catch (error) {
      if (error instanceof RegistryUnavailable) throw new ChecksInterrupted(tally, error);
      throw error;
    }
    return tally;
  }

  private async checkChunk(ids: string[], mode: CheckMode, actor: Actor, correlationId: string, attempt = 1): Promise<CheckTally> {
    const read = await this.store.readStreams(ids.map(streams.application));
    const due: Due[] = [];
    for (const id of new Set(ids)) {
      const loaded = loadedFrom(streams.application(id), read.get(streams.application(id)) ?? [], populationCheckDecider);
      const { state } = loaded;
      if (!wantsCheck(id, state, mode)) continue;
      assertProvince(actor, state.application.provinceCode);
      due.push({ loaded, application: state.application });
    }
    if (due.length === 0) return { checked: 0, mismatches: 0 };

    const { sources, checks } = await this.lookUp(due);
    const checkedAt = this.clock.now().toISOString();
    const appends = due.map(({ loaded, application }, i) => {
      const persons = checks[i];
      const command = { applicationId: application.applicationId, provinceCode: application.provinceCode, checkedAt, sources, persons, mode };
      return {
        id: application.applicationId,
        append: decide(loaded, populationCheckDecider, { type: 'RecordPopulationCheck', data: command }),
        mismatch: checkFails(persons),
      };
    });

    const conflictedIds = new Set<string>();
    for (const { id, error } of await this.appendAll(appends, actor, correlationId)) {
      if (attempt >= ATTEMPTS_PER_FILE) throw error;
      conflictedIds.add(id);
    }
    const recorded = appends.filter((a) => !conflictedIds.has(a.id));
    let tally: CheckTally = { checked: recorded.length, mismatches: recorded.filter((a) => a.mismatch).length };
    // Someone wrote to these files meanwhile (an amendment, another officer's check): read them again.
    for (const id of conflictedIds) {
      const again = await this.checkChunk([id], mode, actor, correlationId, attempt + 1);
      tally = { checked: tally.checked + again.checked, mismatches: tally.mismatches + again.mismatches };
    }
    return tally;
  }

  /** The registries' answers for every person of the chunk, and each file's cross-check. */
  private async lookUp(due: Due[]): Promise<{ sources: CheckSources; checks: PersonCheck[][] }> {
    const files = due.map(({ application }) => ({ applicant: application.applicant, household: application.declaration.household }));
    const declared = files.flatMap(citizenIdsOf);
    const found = await this.population.lookup(declared);
    if (this.population.kind === 'extract' && found.snapshot === 'none') throw new NoPopulationSnapshot();
    const people = new Map(found.people);
    // The spouse a file hides is looked up too: a deceased one hides nothing, a living one may own housing.
    const spouses = [...new Set(files.map((f) => people.get(f.applicant.citizenId)?.spouseCitizenId).filter((id): id is string => !!id && !people.has(id)))];
    if (spouses.length > 0) {
      const more = await this.population.lookup(spouses);
      if (more.snapshot !== found.snapshot) {
        throw new RegistryUnavailable('snapshot-changed', `snapshot moved from "${found.snapshot}" to "${more.snapshot}" mid-check`, 0);
      }
      for (const [id, person] of more.people) people.set(id, person);
    }

    const byProvince = new Map<string, Set<string>>();
    due.forEach(({ application }, i) => {
      const ids = byProvince.get(application.provinceCode) ?? new Set<string>();
      const hidden = undeclaredSpouseOf(files[i], people);
      for (const id of [...citizenIdsOf(files[i]), ...(hidden ? [hidden] : [])]) ids.add(id);
      byProvince.set(application.provinceCode, ids);
    });
    const housing = new Map<string, HousingOwned>();
    for (const [province, ids] of byProvince) housing.set(province, await this.land.housingOwned([...ids], province));
    const landSnapshot = [...housing.values()][0]?.snapshot ?? 'none';

    return {
      sources: { population: { kind: this.population.kind, snapshot: found.snapshot }, land: { kind: this.land.kind, snapshot: landSnapshot } },
      checks: due.map(({ application }, i) => {
        const land = housing.get(application.provinceCode);
        return crossCheck(files[i], { people, housing: land && land.snapshot !== 'none' ? land.owned : undefined });
      }),
    };
  }

  /** Appends every check; returns the files that met a concurrent writer, with nothing of theirs written. */
  private async appendAll(
    appends: { id: string; append: StreamAppend }[],
    actor: Actor,
    correlationId: string,
  ): Promise<{ id: string; error: ConcurrencyConflict }[]> {
    const options = { actor, correlationId };
    if (this.store.atomicMultiStream) {
      try {
        await this.store.appendMany(appends.map((a) => a.append), options);
        return [];
      } catch (error) {
        // All or nothing: the whole chunk is retried file by file, each on a fresh read.
        if (error instanceof ConcurrencyConflict) return appends.map((a) => ({ id: a.id, error }));
        throw error;
      }
    }
    const conflicted: { id: string; error: ConcurrencyConflict }[] = [];
    for (const inFlight of chunks(appends, APPENDS_IN_FLIGHT)) {
      await Promise.all(
        inFlight.map(async ({ id, append }) => {
          try {
            await this.store.appendMany([append], options);
          } catch (error) {
            if (error instanceof ConcurrencyConflict) conflicted.push({ id, error });
            else if (error instanceof PartialAppend) conflicted.push({ id, error: error.conflict });
            else throw error;
          }
        }),
      );
    }
    return conflicted;
  }
}
