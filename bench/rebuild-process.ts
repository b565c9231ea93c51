import { fork } from 'node:child_process';
import { join } from 'node:path';

export interface RebuildRequest {
  url: string;
  batchSize: number;
  maxResidentRows: number;
}

export interface RebuildReport {
  /** The baseline: the whole log read and parsed with no projection work, before the rebuild. */
  read: number;
  readSeconds: number;
  /** The child's maxRSS after the read alone: what the rebuild's peak stands beside. */
  readPeakRssBytes: number;
  applied: number;
  seconds: number;
  nodeCpuSeconds: number;
  /** The child's maxRSS: the rebuild's own peak, as a `noxh projections rebuild` process would have it. */
  peakRssBytes: number;
}

/** Reads the log, then rebuilds the ledger projection, in a process of their own (rebuild-child.ts), so its memory is measured alone. */
export function rebuildInChild(request: RebuildRequest, onProgress: (applied: number) => void): Promise<RebuildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'rebuild-child.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: RebuildReport | undefined;
    child.on('message', (message: RebuildReport | { progress: number }) => {
      if ('progress' in message) onProgress(message.progress);
      else report = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`bench: the rebuild process ended with code ${code}`))));
    child.send(request);
  });
}
