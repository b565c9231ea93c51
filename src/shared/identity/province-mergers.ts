/**
 * Resolution 202/2025/QH15: 63 provinces became 34 on 2025-07-01. Data, not logic, so an operator
 * can complete it (POLICY.md lists these among others; the full list is in the Resolution).
 * Codes before the merger stay valid on documents issued before it.
 */
export const MERGED_ON = '2025-07-01';

/** Former province code → the province it belongs to now. */
export const MERGED_INTO: Readonly<Record<string, string>> = {
  '30': '31', // Hải Dương → Hải Phòng
  '58': '56', // Ninh Thuận → Khánh Hòa
  '24': '27', // Bắc Giang → Bắc Ninh
  '34': '33', // Thái Bình → Hưng Yên
  '35': '37', // Hà Nam → Ninh Bình
  '36': '37', // Nam Định → Ninh Bình
  '49': '48', // Quảng Nam → Đà Nẵng
  '74': '79', // Bình Dương → TP Hồ Chí Minh
  '77': '79', // Bà Rịa–Vũng Tàu → TP Hồ Chí Minh
};

/** The province a code stands for today: duplicates across a merger are duplicates in one province. */
export function currentProvince(code: string): string {
  return MERGED_INTO[code] ?? code;
}

/** The 2-digit province of a 3-digit birth-registration code ("031" → "31"); foreign codes give undefined. */
export function provinceOfBirthRegistration(code: string): string | undefined {
  return /^0\d{2}$/.test(code) ? code.slice(1) : undefined;
}
