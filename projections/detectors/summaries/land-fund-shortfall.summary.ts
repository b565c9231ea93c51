import { m2Vi } from './words';

export interface LandFundShortfallFacts {
  name: string;
  commercialProjectId: string;
  requiredM2: number;
  dueDate: string;
  handedM2: number;
}

/** The land-fund-shortfall detector's summary, for the ledger and its oracle alike. */
export const landFundShortfallSummary = (f: LandFundShortfallFacts): string =>
  `Dự án thương mại ${f.name} (${f.commercialProjectId}) phải dành ${m2Vi(f.requiredM2)} đất ở cho nhà ở xã hội trước ngày ${f.dueDate}; ` +
  `quá hạn, mới bàn giao ${m2Vi(f.handedM2)} và chưa nộp tiền thay thế: còn thiếu ${m2Vi(f.requiredM2 - f.handedM2)}.`;
