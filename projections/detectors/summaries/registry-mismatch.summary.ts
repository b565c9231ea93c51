import { roleVi } from './words';

/** The registry-mismatch detector's summaries, for the ledger and its oracle alike. `problem` completes the sentence (check-problems.ts). */
export const personMismatchSummary = (applicationId: string, role: string, citizenId: string, problem: string): string =>
  `Trong hồ sơ ${applicationId}, ${roleVi(role)} ${citizenId} ${problem}`;

export const decidedDespiteCheckSummary = (applicationId: string, problems: number): string =>
  `Hồ sơ ${applicationId} được xét đủ điều kiện sau một lần kiểm tra của công an phát hiện ${problems} vấn đề`;
