import { join } from 'node:path';
import type { EventMetadata } from '../../event-store/event-store.port';
import { chainHash, eventBody, GENESIS_HASH } from '../../event-store/hash-chain';
import { eventLeafHash } from '../merkle/merkle-hash';
import { hashPage, LEAF_BYTES, type PageTexts } from './page-hash';
import { WorkerPageHasher } from './page-hasher';

// The compiled worker (npm test and the test command build dist/ before jest runs).
const WORKER = join(process.cwd(), 'dist/src/audit/verification/page-hasher.worker.js');

function page(n: number): PageTexts {
  const texts: PageTexts = { streams: [], types: [], dataTexts: [], metadataTexts: [], revisions: [], prevHashes: [], hashes: [] };
  for (let i = 0; i < n; i += 1) {
    const stream = `application-p${i % 3}-a${i}`;
    const data = { householdSize: i, fullName: 'Nguyễn Thị Ánh', members: [{ relationship: 'child', citizenId: `0${i}` }] };
    const metadata = { eventId: `e-${i}`, correlationId: 'c', actor: { subject: 's', role: 'board' }, recordedAt: '2026-12-01T00:00:00.000Z', schemaVersion: 1 } as EventMetadata;
    texts.streams.push(stream);
    texts.types.push('ApplicationSubmitted');
    // Key order and spacing of PostgreSQL's jsonb text, not the canonical ones.
    texts.dataTexts.push(JSON.stringify(data, null, 1).replace(/\n */g, ' '));
    texts.metadataTexts.push(JSON.stringify(metadata));
    texts.revisions.push(0);
    texts.prevHashes.push(GENESIS_HASH);
    texts.hashes.push(chainHash(GENESIS_HASH, 0, eventBody(stream, 'ApplicationSubmitted', data, metadata)));
  }
  return texts;
}

describe('page hashing, in this thread and on worker threads', () => {
  it('checks each event against its stored hash and gives its RFC 9162 leaf hash', () => {
    const texts = page(20);
    texts.dataTexts[7] = texts.dataTexts[7].replace('Ánh', 'Anh');
    const { matches, leaves } = hashPage(texts);
    expect([...matches].map((m, i) => (m === 1 ? -1 : i)).filter((i) => i >= 0)).toEqual([7]);
    texts.hashes.forEach((hash, i) => expect(Buffer.from(leaves.subarray(i * LEAF_BYTES, (i + 1) * LEAF_BYTES))).toEqual(eventLeafHash(hash)));
  });

  it('gives on worker threads, page by page in order, what it gives here', async () => {
    const hasher = new WorkerPageHasher(WORKER, 2);
    try {
      const pages = [page(50), page(1), page(0), page(30)];
      pages[3].hashes[29] = GENESIS_HASH;
      const hashed = await Promise.all(pages.map((p) => hasher.hash(p)));
      hashed.forEach((h, i) => expect(h).toEqual(hashPage(pages[i])));
      expect(hashed[3].matches[29]).toBe(0);
    } finally {
      await hasher.close();
    }
  });
});
