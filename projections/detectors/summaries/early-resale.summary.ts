import { vndVi } from './words';

export interface EarlyResaleFacts {
  tenure: string;
  unitNo: string;
  projectId: string;
  kind: string;
  toCitizenId: string | null;
  transferredOn: string;
  violations: readonly string[];
  priceVnd: number | null;
  originalPriceVnd: number;
  years: number;
  from: 'full payment' | 'handover';
  startsOn: string;
  endsOn: string;
  law: string;
}

/** The early-resale detector's summary, for the ledger and its oracle alike. */
export function earlyResaleSummary(f: EarlyResaleFacts): string {
  const unit = `${f.tenure === 'rent' ? 'Căn cho thuê' : 'Căn'} ${f.unitNo} của dự án ${f.projectId}`;
  const act = f.kind === 'return-to-investor' ? 'trả lại chủ đầu tư' : `bán lại cho ${f.toCitizenId ?? 'người mua không rõ tên'}`;
  const what = [
    f.violations.includes('rental-stock-sold') ? 'nhà cho thuê không được bán trước thời hạn đó' : null,
    f.violations.includes('buyer-not-eligible') ? 'người mua không có quyết định đủ điều kiện' : null,
    f.violations.includes('above-original-price') && f.priceVnd !== null ? `giá ${vndVi(f.priceVnd)} cao hơn giá gốc ${vndVi(f.originalPriceVnd)}` : null,
  ].filter((s) => s !== null);
  const from = f.from === 'full payment' ? 'thanh toán đủ' : 'bàn giao';
  return `${unit} được ${act} ngày ${f.transferredOn}, trong thời hạn hạn chế ${f.years} năm tính từ ${from} ngày ` +
    `${f.startsOn} đến ${f.endsOn} (${f.law}): ${what.join('; ')}.`;
}
