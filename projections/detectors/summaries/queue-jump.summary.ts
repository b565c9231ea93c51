export interface Ranked {
  applicationId: string;
  rank: number | null;
  method: string | null;
}

export interface QueueJumpFacts {
  unitNo: string;
  projectId: string;
  allocated: Ranked;
  tenure: string;
  skipped: readonly Ranked[];
  /** Better-ranked files still waiting; named when some of the skipped were served since. */
  waiting: readonly string[] | null;
}

const rankVi = (r: Ranked) => (r.rank === null ? 'chưa xếp hạng' : `hạng ${r.rank} theo ${r.method}`);
const TENURE_VI: Record<string, string> = { sale: 'mua', rent: 'thuê', 'hire-purchase': 'thuê mua' };

/** The queue-jump detector's summary, for the ledger and its oracle alike. */
export const queueJumpSummary = (f: QueueJumpFacts): string =>
  `Căn ${f.unitNo} của dự án ${f.projectId} đã được phân bổ cho hồ sơ ${f.allocated.applicationId} (${rankVi(f.allocated)}) ` +
  `trong khi ${f.skipped.length} hồ sơ đủ điều kiện xếp hạng cao hơn cùng dự án và hình thức ` +
  `(${TENURE_VI[f.tenure] ?? f.tenure}) phải chờ: ${f.skipped.map((s) => `${s.applicationId} (${rankVi(s)})`).join(', ')}.` +
  (f.waiting !== null ? ` Vẫn đang chờ: ${f.waiting.join(', ')}.` : '');
