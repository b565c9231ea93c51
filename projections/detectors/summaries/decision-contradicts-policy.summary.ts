export interface DecisionContradictsPolicyFacts {
  decisionNo: string;
  decidedAt: string;
  applicationId: string;
  projectId: string;
  policyVersion: string;
  policyReasons: readonly string[];
  justification: string | null;
}

/** The decision-contradicts-policy detector's summary, for the ledger and its oracle alike. */
export const decisionContradictsPolicySummary = (f: DecisionContradictsPolicyFacts): string =>
  `Quyết định ${f.decisionNo} ngày ${f.decidedAt} xét hồ sơ ${f.applicationId} (dự án ${f.projectId}) đủ điều kiện ` +
  `dù chính sách ${f.policyVersion} đang áp dụng xác định không đủ: ${f.policyReasons.length > 0 ? f.policyReasons.join('; ') : 'không ghi lý do'}. ` +
  (f.justification ? `Giải trình của hội đồng: "${f.justification}".` : 'Hội đồng không ghi giải trình.');
