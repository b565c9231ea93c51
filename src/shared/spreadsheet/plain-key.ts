/**
 * How clerks' headers and coded cells are compared: without diacritics, case or extra spaces
 * (API.md "Bulk intake"), so `Ngày sinh`, `NGAY SINH` and `ngay  sinh` are one column and
 * `Nữ`, `nu` and `NỮ` one value. `đ` has no combining mark to strip, so it is mapped by hand.
 */
export function plainKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}
