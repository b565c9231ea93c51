import { parentPort } from 'node:worker_threads';
import { hashPage, type PageTexts } from './page-hash';

// Started by WorkerPageHasher (page-hasher.ts): one page in, its hashes out, in the order sent.
const port = parentPort;
if (!port) throw new Error('page-hasher.worker runs as a worker thread only');
port.on('message', (page: PageTexts) => {
  const hashed = hashPage(page);
  port.postMessage(hashed, [hashed.matches.buffer, hashed.leaves.buffer, hashed.nodes.buffer]);
});
