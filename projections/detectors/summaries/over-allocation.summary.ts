import { numberVi } from './words';

export interface UnitAreaFacts {
  unitNo: string;
  projectId: string;
  floorAreaM2: number;
  below: boolean;
  minM2: number;
  standardMaxM2: number;
  absoluteMaxM2: number;
}

/** The over-allocation detector's summaries, for the ledger and its oracle alike. */
export const unitAreaSummary = (f: UnitAreaFacts): string =>
  f.below
    ? `Căn ${f.unitNo} của dự án ${f.projectId} có diện tích sàn ${numberVi(f.floorAreaM2)} m², dưới mức tối thiểu ${f.minM2} m² của nhà ở xã hội (Nghị định 100/2024 Điều 27).`
    : `Căn ${f.unitNo} của dự án ${f.projectId} có diện tích sàn ${numberVi(f.floorAreaM2)} m², trên mức ${f.absoluteMaxM2} m² mà không căn nhà ở xã hội nào được vượt (${f.standardMaxM2} m² cộng 10%, Nghị định 100/2024 Điều 27).`;

export const overAllocatedSummary = (name: string, projectId: string, live: number, released: number, unreleased: number): string =>
  `Dự án ${name} (${projectId}) có ${live} suất phân bổ đang hiệu lực nhưng chỉ mở bán ${released} căn` +
  (unreleased > 0 ? `; ${unreleased} căn được phân bổ mà chưa từng mở bán.` : '.');

export interface LargeUnitsFacts {
  name: string;
  projectId: string;
  large: number;
  total: number;
  standardMaxM2: number;
  largeSharePercent: number;
  allowed: number;
}

export const largeUnitsSummary = (f: LargeUnitsFacts): string =>
  `Dự án ${f.name} (${f.projectId}) có ${f.large} trong ${f.total} căn trên ${f.standardMaxM2} m² ` +
  `(${((f.large * 100) / f.total).toFixed(1).replace('.', ',')}%); tối đa ${f.largeSharePercent}% (${f.allowed} căn) được vượt mức đó (Nghị định 100/2024 Điều 27).`;
