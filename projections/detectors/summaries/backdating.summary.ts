const decisionVi = (kind: string): string => (kind === 'allocation' ? 'quyết định phân bổ' : 'quyết định xét duyệt');

export interface DatedBeforeApplicationFacts {
  kind: string;
  decisionNo: string;
  applicationId: string;
  decidedAt: string;
  submittedAt: string;
}

export interface RecordedLateFacts {
  kind: string;
  decisionNo: string;
  applicationId: string;
  decidedOn: string;
  recordedOn: string;
  lagDays: number;
  limitDays: number;
}

/** The backdating detector's summaries, for the ledger and its oracle alike. */
export const datedBeforeApplicationSummary = (f: DatedBeforeApplicationFacts): string =>
  `${capitalised(decisionVi(f.kind))} ${f.decisionNo} về hồ sơ ${f.applicationId} đề ngày ${f.decidedAt}, trước ngày nộp hồ sơ (${f.submittedAt}).`;

export const recordedLateSummary = (f: RecordedLateFacts): string =>
  `${capitalised(decisionVi(f.kind))} ${f.decisionNo} về hồ sơ ${f.applicationId} đề ngày ${f.decidedOn} nhưng ${f.lagDays} ngày sau mới được ghi vào sổ cái, ngày ${f.recordedOn} (giới hạn ${f.limitDays} ngày).`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
