/**
 * Names already normalised: a rebuild normalises every declared name twice (the batch's keys, then
 * its rows), and most names come back (a few thousand cover most of a province). Normalising took
 * 2.4% of a 1M-event rebuild's CPU; a hit costs a Map lookup. Emptied when it fills.
 */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 100_000;

/**
 * A Vietnamese name reduced to what survives every way it is typed: no diacritics ("Nguyễn" =
 * "Nguyen"), Đ/đ as D, upper case, single spaces. Decomposed and precomposed Unicode give the same
 * result, since NFD splits both into base letters and combining marks.
 */
export function normalizeName(name: string): string {
  let found = normalised.get(name);
  if (found === undefined) {
    if (normalised.size >= MAX_NORMALISED) normalised.clear();
    found = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'D')
      .toUpperCase()
      .replace(/[^A-Z0-9 ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    normalised.set(name, found);
  }
  return found;
}
