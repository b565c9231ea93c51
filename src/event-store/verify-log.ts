import { ChainBreak, ChainVerifier } from './hash-chain';
import { EventStore, StoredEvent } from './event-store.port';

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  firstBad?: ChainBreak;
}

/** Recomputes every stream's hash chain over the whole log and names the first event that differs. */
export async function verifyLog(
  store: Pick<EventStore, 'readAll'>,
  include: (event: StoredEvent) => boolean = () => true,
  onProgress?: (checked: number) => void,
): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  let after;
  for (;;) {
    const page = await store.readAll({ after, limit: 5000 });
    for (const event of page.events) {
      if (!include(event)) continue;
      const firstBad = verifier.check(event);
      if (firstBad) return { ok: false, eventsChecked: verifier.checked, firstBad };
    }
    onProgress?.(verifier.checked);
    if (page.events.length === 0) return { ok: true, eventsChecked: verifier.checked };
    after = page.next;
  }
}
