import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, readClaims, saveSession, sessionFrom } from '../lib/session';

const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('session', () => {
  it('reads role, province and subject from the token, with Vietnamese names intact', () => {
    const s = sessionFrom(jwt({ sub: 'thanh-tra', role: 'board', province: '31', exp: 1 }));
    expect(s).toMatchObject({ subject: 'thanh-tra', role: 'board', province: '31', expiresAt: 1 });
    const bytes = new TextEncoder().encode(JSON.stringify({ sub: 'Nguyễn', role: 'inspector' }));
    const payload = btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
    expect(readClaims(`e30.${payload}.x`)).toMatchObject({ sub: 'Nguyễn' });
  });

  it('refuses what is not a JWT', () => {
    expect(sessionFrom('not-a-token')).toBeNull();
    expect(sessionFrom('a.b.c')).toBeNull();
  });

  it('keeps the token in sessionStorage only', () => {
    saveSession(` ${jwt({ sub: 'a', role: 'inspector' })} `);
    expect(sessionStorage.getItem('noxh-token')).toMatch(/^e30\./);
    expect(localStorage.getItem('noxh-token')).toBeNull();
    expect(loadSession()?.role).toBe('inspector');
    clearSession();
    expect(loadSession()).toBeNull();
  });
});
