/** Vietnamese conventions whatever the interface language: dates DD/MM/YYYY, amounts `12.000.000 ₫`. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23` or an ISO instant → `23/11/2026` (instants in Vietnam's time, UTC+7). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const d = new Date(ms + 7 * 3600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** An event field shown as text: a string or number as it is; absent (or not text) as ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** An instant → `23/11/2026 15:04` (UTC+7). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  const d = new Date(ms + 7 * 3600_000);
  return `${formatDate(value)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Whole numbers with dots between thousands: 15400 → `15.400`. Accepts strings (bigints from the API). */
export function formatNumber(value: number | string | bigint): string {
  const text = String(value).trim();
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).split('.')[0].replace(/\D/g, '') || '0';
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** VND: 12000000 → `12.000.000 ₫`. */
export function formatVnd(value: number | string | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${formatNumber(value)} ₫`;
}

/** 0.4237 → `42,37%`; 1/18100 → `0,01%` (a first handover shows). */
export function formatShare(share: number): string {
  const percent = share * 100;
  const rounded = share > 0 && percent < 0.01 ? 0.01 : Math.round(percent * 100) / 100;
  return `${rounded.toString().replace('.', ',')}%`;
}

/** A hash shortened for a table, the whole kept for the title attribute. */
export function shortHash(hash: string, keep = 12): string {
  return hash.length > keep ? `${hash.slice(0, keep)}…` : hash;
}
