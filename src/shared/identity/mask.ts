/**
 * What a public list may show of a person (API.md "Public lists of beneficiaries"): enough for a
 * neighbour to recognise a name on the list, never enough to take it for the full name or id.
 */

const words = (fullName: string) => fullName.normalize('NFC').trim().split(/\s+/u).filter((w) => w.length > 0);
const initial = (word: string) => `${Array.from(word)[0].toLocaleUpperCase('vi')}.`;

/**
 * "Nguyễn Văn Hùng" → "Nguyễn V. H.": the family name, then the initials. Where that would still
 * spell the whole name (a one-word name, or given names of one letter each), initials only.
 */
export function maskFullName(fullName: string): string {
  const all = words(fullName);
  const family = all.at(0);
  if (family === undefined) return '';
  const rest = all.slice(1);
  const initials = rest.map(initial);
  const spellsItAll = rest.every((w) => Array.from(w).length === 1);
  return (spellsItAll ? [initial(family), ...initials] : [family, ...initials]).join(' ');
}

/** "031190001456" → "031******456": the province-and-century prefix and the last three digits. */
export function maskCitizenId(citizenId: string): string {
  const digits = Array.from(citizenId);
  if (digits.length < 9) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3).join('')}${'*'.repeat(digits.length - 6)}${digits.slice(-3).join('')}`;
}
