/**
 * Words the Vietnamese finding summaries share. Numbers are written as boards write them: a dot
 * between thousands, a decimal comma (12.000.000 đồng, 54,5 m²).
 */
export const numberVi = (n: number): string => n.toLocaleString('de-DE');

export const vndVi = (n: number): string => `${numberVi(n)} đồng`;

export const m2Vi = (n: number): string => `${numberVi(n)} m²`;

/** A household role as a board writes it (the ledger's roles are the API's English codes). */
export function roleVi(role: string): string {
  const names: Record<string, string> = { applicant: 'người nộp hồ sơ', spouse: 'vợ/chồng', child: 'con', parent: 'bố/mẹ', other: 'thành viên hộ' };
  return names[role] ?? role;
}
