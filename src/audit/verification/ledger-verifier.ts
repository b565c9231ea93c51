import type { KeyObject } from 'node:crypto';
import { type LogPosition, LOG_START, type EventStore } from '../../event-store/event-store.port';
import { ChainVerifier } from '../../event-store/hash-chain';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { MerkleFrontier } from '../merkle/merkle-frontier';
import { checkpointProblem } from './checkpoint-checks';
import { addToFrontier, hashedPages } from './hashed-pages';
import { loggedCheckpoints } from './logged-checkpoints';

export interface CheckpointRef {
  treeSize: number;
  rootHash: string;
}

/** The first thing found wrong: an event (a broken chain) and/or the checkpoint the log contradicts. */
export interface VerificationFailure {
  /** In English, as GET /audit/verify has always said it. */
  reason: string;
  /** The same, in Vietnamese, for the operator (`noxh verify`). */
  reasonVi: string;
  checkpoint?: CheckpointRef;
  eventId?: string;
  stream?: string;
  revision?: number;
  globalPosition?: string;
}

export interface LedgerVerification {
  ok: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  /** The largest checkpoint the log was found to match. */
  lastCheckpoint: CheckpointRef | null;
  /** The leaf count this run started from (0: from scratch). */
  verifiedFrom: number;
  firstBad?: VerificationFailure;
}

/** Where a later run resumes: everything up to the last good checkpoint, held by the verifier, never read back from the database. */
export interface VerifiedPrefix {
  chains: ChainVerifier;
  frontier: MerkleFrontier;
  after: LogPosition;
  roots: Map<number, string>;
}

export interface VerifyOptions {
  trusted: Map<string, KeyObject>;
  witnesses: Map<string, KeyObject>;
  /** Checkpoints kept outside the database (`--against`, a witness's state): a rollback that deleted the later checkpoints too is caught. */
  external?: SignedCheckpoint[];
  /**
   * Taken over by the run, which follows its chains in place: copying every stream's tip cost each
   * incremental run O(streams). Resume later runs only from the prefix a run returns.
   */
  resume?: VerifiedPrefix;
  onProgress?: (checked: number) => void;
  pageSize?: number;
}

/**
 * Events per page a verification reads. Small pages: a page of 5000 events (~9 MB of strings on each
 * side of a thread) outlived the young generation while it waited to be hashed; 500 cut Node's CPU
 * per event from 28-30 to 24-25 µs. A power of two, so a full page is one node of the Merkle tree
 * (hashed-pages.ts, addToFrontier).
 */
export const VERIFY_PAGE_SIZE = 512;

/**
 * Recomputes every stream's chain and the Merkle tree over the log in read order, and checks
 * every checkpoint — its signatures, and that the log's root at its size is the one it signed.
 * With `resume`, only the events after the last good checkpoint are read and hashed.
 */
export async function verifyLedger(store: Pick<EventStore, 'readAllText' | 'readStream'>, options: VerifyOptions): Promise<{ report: LedgerVerification; prefix?: VerifiedPrefix }> {
  const all = [...(await loggedCheckpoints(store)), ...(options.external ?? [])];
  const ref = (c: SignedCheckpoint): CheckpointRef => ({ treeSize: c.treeSize, rootHash: c.rootHash });
  let resume = options.resume;
  const bySize = new Map<number, SignedCheckpoint>();
  for (const checkpoint of all) {
    const problem = checkpointProblem(checkpoint, options.trusted, options.witnesses);
    const fail = (reason: string, reasonVi: string) => ({
      report: { ok: false, eventsChecked: 0, checkpointsChecked: 0, lastCheckpoint: null, verifiedFrom: 0, firstBad: { reason, reasonVi, checkpoint: ref(checkpoint) } },
    });
    if (problem) return fail(`checkpoint ${checkpoint.treeSize}: ${problem.en}`, `điểm kiểm tra ${checkpoint.treeSize}: ${problem.vi}`);
    const other = bySize.get(checkpoint.treeSize);
    if (other && other.rootHash !== checkpoint.rootHash) {
      return fail(
        `fork: two checkpoints of size ${checkpoint.treeSize} with different roots (${other.rootHash}, ${checkpoint.rootHash})`,
        `rẽ nhánh (fork): hai điểm kiểm tra cùng kích thước ${checkpoint.treeSize} với hai gốc khác nhau (${other.rootHash}, ${checkpoint.rootHash})`,
      );
    }
    bySize.set(checkpoint.treeSize, checkpoint);
    // A checkpoint below the resumed prefix that this process did not see: only a full run can judge it.
    if (resume && checkpoint.treeSize <= resume.frontier.size && resume.roots.get(checkpoint.treeSize) !== checkpoint.rootHash) resume = undefined;
  }
  const pending = [...bySize.values()].filter((c) => !resume || c.treeSize > resume.frontier.size).sort((a, b) => a.treeSize - b.treeSize);
  const lastSize = pending.at(-1)?.treeSize ?? -1;
  const chains = resume ? resume.chains : new ChainVerifier();
  // When no later checkpoint is reached, the resumed tips are given back as they were here.
  if (resume) chains.mark();
  const frontier = resume ? resume.frontier.clone() : new MerkleFrontier();
  const roots = new Map(resume?.roots ?? []);
  const verifiedFrom = frontier.size;
  let lastCheckpoint: CheckpointRef | null = resume ? lastOf(roots) : null;
  let prefix: VerifiedPrefix | undefined = resume;
  let checked = 0;
  let next = 0;
  const report = (firstBad?: VerificationFailure): LedgerVerification => ({
    ok: firstBad === undefined, eventsChecked: checked, checkpointsChecked: roots.size, lastCheckpoint, verifiedFrom, ...(firstBad && { firstBad }),
  });
  const limit = options.pageSize ?? VERIFY_PAGE_SIZE;
  for await (const page of hashedPages(store, resume?.after ?? LOG_START, limit)) {
    const { events, hash } = page;
    // The page in segments that end where a checkpoint's size falls: a segment's chains are
    // followed, then its leaves added at once, then the checkpoint checked, as event by event would.
    for (let start = 0; start < events.length; ) {
      const toCheckpoint = (pending.at(next)?.treeSize ?? 0) - frontier.size;
      const end = toCheckpoint > 0 && toCheckpoint < events.length - start ? start + toCheckpoint : events.length;
      for (let i = start; i < end; i += 1) {
        const broken = chains.follow(events[i], () => hash.matches[i] === 1);
        if (broken) {
          const covering = pending.at(next);
          const contradicted = covering && {
            checkpoint: ref(covering),
            reason: `${broken.reason}; contradicts checkpoint ${covering.treeSize}`,
            reasonVi: `${broken.reasonVi}; mâu thuẫn với điểm kiểm tra ${covering.treeSize}`,
          };
          return { report: report({ ...broken, ...contradicted }) };
        }
        checked += 1;
      }
      addToFrontier(frontier, page, start, end);
      const event = events[end - 1];
      while (pending[next] && pending[next].treeSize === frontier.size) {
        const checkpoint = pending[next];
        const root = frontier.root().toString('hex');
        if (root !== checkpoint.rootHash) {
          return {
            report: report({
              reason: `checkpoint ${checkpoint.treeSize} signed root ${checkpoint.rootHash}, but the log's first ${checkpoint.treeSize} events now hash to ${root}: an event was altered, removed, added or moved`,
              reasonVi: `điểm kiểm tra ${checkpoint.treeSize} đã ký gốc ${checkpoint.rootHash}, nhưng ${checkpoint.treeSize} sự kiện đầu của sổ cái nay băm ra ${root}: có sự kiện đã bị sửa, xóa, thêm hoặc đổi chỗ`,
              checkpoint: ref(checkpoint),
            }),
          };
        }
        roots.set(checkpoint.treeSize, root);
        lastCheckpoint = ref(checkpoint);
        if (checkpoint.treeSize === lastSize) {
          // The tips as they stand here are given back once the log is read (rewindToMark, below).
          chains.mark();
          prefix = { chains, frontier: frontier.clone(), after: event.position, roots: new Map(roots) };
        }
        next += 1;
      }
      start = end;
    }
    options.onProgress?.(checked);
  }
  const missing = pending.at(next);
  if (missing) {
    return {
      report: report({
        reason: `the log has ${frontier.size} events, but checkpoint ${missing.treeSize} was signed over ${missing.treeSize}: events were deleted or the log rolled back`,
        reasonVi: `sổ cái có ${frontier.size} sự kiện, nhưng điểm kiểm tra ${missing.treeSize} đã được ký trên ${missing.treeSize} sự kiện: sự kiện đã bị xóa hoặc sổ cái bị quay lui`,
        checkpoint: ref(missing),
      }),
    };
  }
  prefix?.chains.rewindToMark();
  return { report: report(), prefix };
}

function lastOf(roots: Map<number, string>): CheckpointRef | null {
  const sizes = [...roots.keys()].sort((a, b) => a - b);
  const size = sizes.at(-1);
  return size === undefined ? null : { treeSize: size, rootHash: roots.get(size) ?? '' };
}
