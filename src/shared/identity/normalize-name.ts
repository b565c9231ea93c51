/**
 * A Vietnamese name reduced to what survives every way it is typed: no diacritics ("Nguyễn" =
 * "Nguyen"), Đ/đ as D, upper case, single spaces. Decomposed and precomposed Unicode give the same
 * result, since NFD splits both into base letters and combining marks.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
