import { roleVi } from './words';

/** The conflict-of-interest detector's summaries, for the ledger and its oracle alike. */
export const receivedAndDecidedSummary = (decidedBy: string, applicationId: string): string =>
  `${decidedBy} vừa tiếp nhận vừa quyết định hồ sơ ${applicationId}`;

export const decidedByHouseholdSummary = (applicationId: string, decidedBy: string, role: string, citizenId: string): string =>
  `Hồ sơ ${applicationId} do ${decidedBy} quyết định, trùng tên ${roleVi(role)} ${citizenId} của hồ sơ`;
