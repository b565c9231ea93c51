/** Vietnam keeps one time zone, UTC+7, with no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The Vietnamese calendar day of a stated date: `YYYY-MM-DD` as written, or an instant's local day.
 * The same day chooses the policy version a decision is judged by, and the backdating detector's lag.
 */
export function calendarDay(value: string): string {
  return value.length === 10 ? value : new Date(Date.parse(value) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Boards state dates as days ("2025-03-10") or instants. Two instants compare as instants; when
 * either is a bare day, only the days compare, so a decision dated the day of submission is never
 * "before" a submission stamped later that morning.
 */
export function statedBefore(a: string, b: string): boolean {
  if (a.length > 10 && b.length > 10) return Date.parse(a) < Date.parse(b);
  return calendarDay(a) < calendarDay(b);
}
