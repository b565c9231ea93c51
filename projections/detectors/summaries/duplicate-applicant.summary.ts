/** The duplicate-applicant detector's summary, for the ledger and its oracle alike. */
export const duplicateApplicantSummary = (citizenId: string, claims: number, projectIds: readonly string[]): string =>
  claims >= 2
    ? `Công dân ${citizenId} đang hưởng ${claims} suất nhà ở xã hội`
    : `Công dân ${citizenId} có ${projectIds.length} hồ sơ đang xét (${projectIds.join(', ')})`;
