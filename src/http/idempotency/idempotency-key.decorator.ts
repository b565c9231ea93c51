import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IdempotentRequest } from './idempotency.interceptor';

/** The request's Idempotency-Key scoped to its caller, for the event store; undefined without one. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<IdempotentRequest>().idempotencyKey,
);
