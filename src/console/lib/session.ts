/** The signed-in token lives in sessionStorage: this tab only, gone when it closes. */
export interface Session {
  token: string;
  subject: string;
  role: 'board' | 'inspector' | 'police' | 'admin';
  province: string | null;
  /** Seconds since the epoch, when the token says. */
  expiresAt: number | null;
}

const KEY = 'noxh-token';

/** The claims of a JWT, unverified (the server verifies; this only shows who the tab is). */
export function readClaims(token: string): Record<string, unknown> | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function sessionFrom(token: string): Session | null {
  const claims = readClaims(token);
  if (!claims || typeof claims.role !== 'string') return null;
  return {
    token: token.trim(),
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    role: claims.role as Session['role'],
    province: typeof claims.province === 'string' ? claims.province : null,
    expiresAt: typeof claims.exp === 'number' ? claims.exp : null,
  };
}

export function loadSession(storage: Pick<Storage, 'getItem'> = sessionStorage): Session | null {
  const token = storage.getItem(KEY);
  return token ? sessionFrom(token) : null;
}

export function saveSession(token: string, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, token.trim());
}

export function clearSession(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(KEY);
}
