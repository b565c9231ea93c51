import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { Actor, Role, ROLES } from '../shared/actor';
import { isProvinceCode } from '../shared/province';
import { JWT_SECRET } from './auth.constants';

interface Claims {
  sub: string;
  role: Role;
  province?: string;
}

/** A token `noxh token` cannot sign; its message, in Vietnamese, is the operator's one line. */
export class InvalidTokenRequest extends Error {}

/** Signs and checks the bearer tokens of API.md: claims `sub`, `role`, and `province` for boards and police. */
@Injectable()
export class TokenService {
  /**
   * The secret as a key object, made once. Handed a string, jsonwebtoken first tries to parse it
   * as a PEM public key on every verify and only then falls back to a secret key: a failed OpenSSL
   * parse and a thrown error per request, about 1-2 ms of CPU against 25 µs (npm run bench -- http).
   */
  private readonly verifyKey: KeyObject;
  /**
   * Tokens already verified, with their actor and expiry: a client sends the same token with every
   * request, and checking its signature again cost ~70 µs a request (npm run bench -- http). A token
   * is only cached once its signature and claims passed, and is checked against its expiry on each use.
   */
  private readonly verified = new Map<string, { actor: Actor; expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {
    // The bytes jsonwebtoken itself would use for a string secret: Buffer.from(secret), UTF-8.
    this.verifyKey = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(actor: Actor, ttl: string): string {
    if (!ROLES.includes(actor.role)) throw new InvalidTokenRequest(`vai trò (role) phải là một trong ${ROLES.join(', ')}`);
    if (needsProvince(actor.role) && !actor.province) throw new InvalidTokenRequest(`token vai trò ${actor.role} cần --province`);
    if (actor.province !== undefined && !isProvinceCode(actor.province)) {
      throw new InvalidTokenRequest(`mã tỉnh phải gồm 2 chữ số (nhận được "${actor.province}")`);
    }
    if (!/^\d+[smhd]$/.test(ttl)) throw new InvalidTokenRequest(`thời hạn (ttl) phải có dạng 30m, 8h hoặc 7d (nhận được "${ttl}")`);
    const claims: Claims = { sub: actor.subject, role: actor.role, ...(actor.province && { province: actor.province }) };
    return this.jwt.sign(claims, { secret: this.secret, expiresIn: ttl as `${number}h`, algorithm: 'HS256' });
  }

  /** The actor of a valid token, or undefined for any token that is bad, expired or incomplete. */
  async verify(token: string): Promise<Actor | undefined> {
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's own test: a token is expired from the second its `exp` names.
      if (Date.now() < known.expiresAtMs) return known.actor;
      this.verified.delete(token);
      return undefined;
    }
    const checked = await this.check(token);
    if (checked) this.remember(token, checked.expiresAtMs, checked.actor);
    return checked?.actor;
  }

  private async check(token: string): Promise<{ actor: Actor; expiresAtMs: number } | undefined> {
    try {
      // @nestjs/jwt passes the secret through to jsonwebtoken, which takes a KeyObject; its option type names only string | Buffer.
      const claims = await this.jwt.verifyAsync<Partial<Claims> & { exp?: number }>(token, { secret: this.verifyKey as unknown as Buffer, algorithms: ['HS256'] });
      // Every token `noxh token` signs expires: one without `exp` would be good forever, whoever minted it.
      if (typeof claims.exp !== 'number') return undefined;
      if (typeof claims.sub !== 'string' || !claims.role || !ROLES.includes(claims.role)) return undefined;
      if (needsProvince(claims.role) && (typeof claims.province !== 'string' || !isProvinceCode(claims.province))) return undefined;
      return { actor: { subject: claims.sub, role: claims.role, ...(claims.province && { province: claims.province }) }, expiresAtMs: claims.exp * 1000 };
    } catch {
      return undefined;
    }
  }

  private remember(token: string, expiresAtMs: number, actor: Actor): void {
    // Bounded: past the limit the oldest entry goes (a Map keeps insertion order).
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value ?? '');
    this.verified.set(token, { actor, expiresAtMs });
  }
}

/** Tokens in use at once: a province's board, police and inspectors number in the hundreds. */
const MAX_VERIFIED_TOKENS = 10_000;

function needsProvince(role: Role): boolean {
  return role === 'board' || role === 'police';
}
