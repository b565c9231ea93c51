import { ProjectNotFound } from '../allocation/domain/allocation.errors';
import type { ProjectRegistered } from '../allocation/domain/project.events';
import { unitDecider } from '../allocation/domain/unit.decider';
import { applicationDecider } from '../applications/domain/application.decider';
import type { EventStore } from '../event-store/event-store.port';
import { loadedFrom } from '../event-store/handle-command';
import { maskCitizenId, maskFullName } from '../shared/identity/mask';
import { streams } from '../shared/streams';
import type { InclusionProofs } from './inclusion-proofs.port';
import type { BeneficiariesView, BeneficiaryView } from './queries/beneficiaries/beneficiaries.view';

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The project's units allocated now, masked, each with the UnitAllocated event that allocated it
 * (its id and hash, the leaf a proof is about). From the log, not a read model, so the list is
 * what was recorded; `noxh public-list verify` compares it with the read model independently.
 */
export async function beneficiariesOf(store: Pick<EventStore, 'readStream' | 'readStreams'>, projectId: string, proofs: InclusionProofs): Promise<BeneficiariesView> {
  const projectEvents = await store.readStream(streams.project(projectId));
  const registered = projectEvents.find((e) => e.type === 'ProjectRegistered')?.data as ProjectRegistered['data'] | undefined;
  if (!registered) throw new ProjectNotFound(projectId);
  const unitNos = projectEvents.flatMap((e) => (e.type === 'UnitsReleased' ? (e.data.units as { unitNo: string }[]).map((u) => u.unitNo) : []));
  const unitStreams = unitNos.map((unitNo) => streams.unit(projectId, unitNo));
  const units = await store.readStreams(unitStreams);
  const allocated = unitStreams.flatMap((stream) => {
    const events = units.get(stream) ?? [];
    const { state } = loadedFrom(stream, events, unitDecider);
    if (state.status === 'unreleased' || !state.allocation) return [];
    const allocationId = state.allocation.allocationId;
    const event = events.findLast((e) => e.type === 'UnitAllocated' && e.data.allocationId === allocationId);
    return event ? [{ allocation: state.allocation, event }] : [];
  });
  const files = await store.readStreams(allocated.map((a) => streams.application(a.allocation.applicationId)));
  const checkpoint = await proofs.latestCheckpoint();
  const items: BeneficiaryView[] = [];
  for (const { allocation, event } of allocated.sort((x, y) => byBytes(x.allocation.unitNo, y.allocation.unitNo))) {
    const fileStream = streams.application(allocation.applicationId);
    const { state: file } = loadedFrom(fileStream, files.get(fileStream) ?? [], applicationDecider);
    const proof = checkpoint ? await proofs.inclusionProof(event.eventId, checkpoint.treeSize) : null;
    items.push({
      unitNo: allocation.unitNo,
      applicant: file.status === 'not-submitted' ? '' : maskFullName(file.applicant.fullName),
      citizenId: maskCitizenId(allocation.citizenId),
      householdSize: file.status === 'not-submitted' ? 1 : 1 + file.declaration.household.length,
      allocatedAt: allocation.allocatedAt,
      decisionNo: allocation.decisionNo,
      eventId: event.eventId,
      hash: event.hash,
      leafIndex: proof?.leafIndex ?? null,
      auditPath: proof?.auditPath ?? null,
    });
  }
  const signed = checkpoint && { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, note: checkpoint.note, signature: checkpoint.signature, keyId: checkpoint.keyId };
  return { projectId, name: registered.name, provinceCode: registered.provinceCode, checkpoint: signed, items };
}
