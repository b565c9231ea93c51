import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../../shared/compiled-worker';
import { hashPage, type PageHash, type PageTexts } from './page-hash';

export interface PageHasher {
  /** The pages' hashes in the order they were sent. */
  hash(page: PageTexts): Promise<PageHash>;
  close(): Promise<void>;
}

/** In this thread: a short verification (an incremental one, a small log), or where no compiled worker exists. */
export const inThreadHasher: PageHasher = {
  hash: (page) => Promise.resolve(hashPage(page)),
  close: () => Promise.resolve(),
};

/** Worker threads when the compiled worker is there (one test drives it), one per core (the reading thread waits on PostgreSQL much of the time). */
export function pageHasher(): PageHasher {
  const worker = compiledWorker(typeof __filename === 'string' ? __filename : undefined, 'page-hasher.worker.js');
  return worker ? new WorkerPageHasher(worker, Math.min(4, availableParallelism())) : inThreadHasher;
}

/**
 * Hashes pages on worker threads, round robin, so a page's canonical JSON and SHA-256 (most of a
 * verification's CPU) run beside the thread that reads the next page and follows the chains.
 */
export class WorkerPageHasher implements PageHasher {
  private readonly workers: { worker: Worker; waiting: { resolve: (hash: PageHash) => void; reject: (error: unknown) => void }[] }[];
  private next = 0;

  constructor(file: string, threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const entry = { worker: new Worker(file), waiting: [] as { resolve: (hash: PageHash) => void; reject: (error: unknown) => void }[] };
      entry.worker.on('message', (hash: PageHash) => entry.waiting.shift()?.resolve(hash));
      entry.worker.on('error', (error) => {
        for (const waiting of entry.waiting.splice(0)) waiting.reject(error);
      });
      return entry;
    });
  }

  hash(page: PageTexts): Promise<PageHash> {
    const entry = this.workers[this.next];
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve, reject) => {
      entry.waiting.push({ resolve, reject });
      entry.worker.postMessage(page);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
