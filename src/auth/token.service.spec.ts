import { jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const board = { subject: 'board-31', role: 'board' as const, province: '31' };

describe('TokenService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('answers a token verified before from memory, and still refuses it once it has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new TokenService(new JwtService(), SECRET);
    const token = tokens.sign(board, '1m');

    expect(await tokens.verify(token)).toEqual(board);
    jest.setSystemTime(new Date('2026-12-02T08:00:59Z'));
    expect(await tokens.verify(token)).toEqual(board);
    jest.setSystemTime(new Date('2026-12-02T08:01:00Z'));
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('never takes a token it refused for one it knows', async () => {
    const tokens = new TokenService(new JwtService(), SECRET);
    const token = tokens.sign(board, '1h');
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    expect(await tokens.verify(token)).toEqual(board);
    expect(await tokens.verify(forged)).toBeUndefined();
    expect(await new TokenService(new JwtService(), `${SECRET}-other`).verify(token)).toBeUndefined();
  });

  it('refuses a token without an expiry, though signed with the secret', async () => {
    const tokens = new TokenService(new JwtService(), SECRET);
    const endless = new JwtService().sign({ sub: board.subject, role: board.role, province: board.province }, { secret: SECRET, algorithm: 'HS256' });
    const expiring = new JwtService().sign({ sub: board.subject, role: board.role, province: board.province }, { secret: SECRET, algorithm: 'HS256', expiresIn: '1h' });

    expect(await tokens.verify(expiring)).toEqual(board);
    expect(await tokens.verify(endless)).toBeUndefined();
  });
});
