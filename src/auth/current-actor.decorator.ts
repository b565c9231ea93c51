import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '../shared/actor';
import { otherProvince } from './auth-errors';
import { AuthenticatedRequest } from './auth.guard';

/** The authenticated actor of the request (set by AuthGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** Boards and police act only in their own province; inspectors and admins in all (API.md). */
export function assertProvince(actor: Actor, provinceCode: string): void {
  if ((actor.role === 'board' || actor.role === 'police') && actor.province !== provinceCode) {
    throw otherProvince(actor.role, actor.province, provinceCode);
  }
}
