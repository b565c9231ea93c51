import type { LandCertificate } from '../land-registry.port';
import { RowCheck } from './fields';
import type { RowResult } from './population-row';

/** API.md "Registry extracts", land: one row per certificate naming the person as owner. */
export const LAND_HEADER = ['citizen_id', 'province_code', 'parcel', 'certificate_no', 'floor_area_m2', 'registered_at'] as const;

/** How clerks head the columns; the English names above are accepted too, in any order. */
export const LAND_LABELS: Record<(typeof LAND_HEADER)[number], string> = {
  citizen_id: 'Số CCCD',
  province_code: 'Mã tỉnh',
  parcel: 'Thửa đất',
  certificate_no: 'Số giấy chứng nhận',
  floor_area_m2: 'Diện tích sàn',
  registered_at: 'Ngày đăng ký',
};

const AREA = /^\d{1,7}(\.\d{1,2})?$/;

/** Checks one land row. Co-owners share a certificate, so neither id nor certificate is unique alone. */
export function checkLandRow(fields: readonly string[], line: number): RowResult<LandCertificate> {
  const c = new RowCheck(line);
  const [id, province, parcel, certificate, area, registered] = fields;
  const citizenId = c.citizenId('citizen_id', id, true);
  // As recorded: pre-2025 codes stay valid, the lookup maps them (land-registry.port.ts).
  const provinceCode = c.province('province_code', province, true);
  const certificateNo = c.required('certificate_no', certificate.trim());
  let floorAreaM2: number | null = null;
  // A Vietnamese Excel writes the decimal comma: 54,5.
  const decimal = area.replace(',', '.');
  if (area !== '') floorAreaM2 = AREA.test(decimal) ? Number(decimal) : c.fail('floor_area_m2', `'${area}' không phải diện tích sàn m² (ví dụ 54,5)`, `"${area}" is not a floor area in m² (e.g. 54.5)`);
  const registeredAt = c.date('registered_at', registered, false);
  if (c.errors.length > 0 || citizenId === null || provinceCode === null || certificateNo === null) return { ok: false, errors: c.errors };
  return { ok: true, value: { citizenId, provinceCode, parcel: c.optional(parcel.trim()), certificateNo, floorAreaM2, registeredAt } };
}
