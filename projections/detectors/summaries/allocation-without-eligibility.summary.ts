/** Why an allocation did not rest on an "eligible" decision in force, one phrase per reason code. */
export const allocationReasonsVi = {
  unknownApplication: (applicationId: string) => `hồ sơ ${applicationId} chưa từng được nộp vào sổ cái`,
  withdrawn: () => 'hồ sơ đã rút',
  noDecision: () => 'không có quyết định xét duyệt nào đang có hiệu lực',
  ineligible: (decisionNo: string) => `quyết định đang có hiệu lực (${decisionNo}) xác định người nộp không đủ điều kiện`,
  allocatedAfterRevocation: (allocationId: string) => `một lần phân bổ trước của hồ sơ này (${allocationId}) đã bị thu hồi và chưa có quyết định xét duyệt mới`,
  citesAnotherDecision: (cited: string, inForce: string) => `quyết định phân bổ dẫn quyết định ${cited}, không phải ${inForce} là quyết định đủ điều kiện đang có hiệu lực`,
  datedBeforeEligibility: (allocatedAt: string, decidedAt: string) => `quyết định phân bổ đề ngày ${allocatedAt}, trước quyết định đủ điều kiện mà nó dựa vào (${decidedAt})`,
};

export interface AllocationWithoutEligibilityFacts {
  unitNo: string;
  projectId: string;
  applicationId: string;
  citizenId: string;
  /** Phrases of allocationReasonsVi, in the order found. */
  reasons: readonly string[];
}

/** Detector 6's summary, for the ledger and its oracle alike. */
export const allocationWithoutEligibilitySummary = (f: AllocationWithoutEligibilityFacts): string =>
  `Căn ${f.unitNo} của dự án ${f.projectId} đã được phân bổ cho hồ sơ ${f.applicationId} (công dân ${f.citizenId}) dù ${f.reasons.join('; ')}.`;
