import { STATUS_CODES } from 'node:http';

/**
 * Every error answer has this one shape (API.md "Errors"), whoever raised it: validation, Fastify
 * (malformed JSON, too large, wrong media type), auth, a business rule or the event store.
 * `message` is always a list, one line per problem, so a client reads it one way. Boards read it:
 * validation and business refusals say it in Vietnamese, with the English lines, same order, in
 * `messageEn` (for logs, support and clients written against the English).
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string[];
  /** The same lines in English, same order; present when `message` is a translation. */
  messageEn?: string[];
  /** Stable machine-readable reason: every 409, and any error raised by the ledger itself. */
  code?: string;
  details?: Record<string, unknown>;
}

export function errorBody(status: number, message: unknown, extra: Pick<ErrorBody, 'code' | 'details' | 'messageEn'> = {}): ErrorBody {
  const lines = (Array.isArray(message) ? message : [message]).map(String).filter((line) => line.length > 0);
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: lines.length > 0 ? lines : [STATUS_CODES[status] ?? 'Error'],
    ...(extra.messageEn !== undefined && { messageEn: extra.messageEn }),
    ...(extra.code !== undefined && { code: extra.code }),
    ...(extra.details !== undefined && Object.keys(extra.details).length > 0 && { details: extra.details }),
  };
}
