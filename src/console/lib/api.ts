import { loadSession } from './session';

/** An answer other than 2xx, with what the API said (`message` lines, `code` for 409s). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: string | string[]; code?: string; error?: string } | null,
  ) {
    super(`HTTP ${status}`);
  }
  get details(): string[] {
    const m = this.body?.message;
    return Array.isArray(m) ? m : m ? [m] : [];
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Public pages send no token even when the tab is signed in. */
  anonymous?: boolean;
  /** This token rather than the tab's (signing in). */
  token?: string;
  signal?: AbortSignal;
}

function headers(options: RequestOptions): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json' };
  const token = options.token ?? (options.anonymous ? undefined : loadSession()?.token);
  if (token) h.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) h['Content-Type'] = 'application/json';
  return h;
}

export async function request<T>(path: string, options: RequestOptions = {}, fetcher: typeof fetch = fetch): Promise<T> {
  const res = await fetcher(path, {
    method: options.method ?? 'GET',
    headers: headers(options),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new ApiError(res.status, json as ApiError['body']);
  return json as T;
}

/** A file (XLSX) with the token, handed to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: headers({}) });
  if (!res.ok) throw new ApiError(res.status, null);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Query string from the set values only, in a stable order: `{ a: '1', b: '' }` → `?a=1`. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

export const API = '/api/v1';
