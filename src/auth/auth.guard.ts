import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Role } from '../shared/actor';
import { metadataKeys } from './auth.constants';
import { badToken, noToken, wrongRole } from './auth-errors';
import { TokenService } from './token.service';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/** 401 for a missing or bad token, 403 for a valid token of the wrong role (API.md "Auth"). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(metadataKeys.PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header) : null;
    if (!match) throw noToken();
    const actor = await this.tokens.verify(match[1]);
    if (!actor) throw badToken();
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(metadataKeys.ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw wrongRole(actor.role, roles);
    }
    return true;
  }
}
