import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { errorMessageVi } from './error-messages-vi';
import { statusLineVi } from './status-lines-vi';

/**
 * Every error answer has this one shape (API.md "Errors"), whoever raised it: validation, Fastify
 * (malformed JSON, too large, wrong media type, a bad URL), auth, a business rule or the event
 * store. `message` is always a list, one line per problem, so a client reads it one way. Boards
 * read it, so it is Vietnamese, with the English lines, same order, in `messageEn` (for logs,
 * support and clients written against the English).
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string[];
  /** The same lines in English, same order. */
  messageEn: string[];
  /** Stable machine-readable reason: every 409, and any error raised by the ledger itself. */
  code?: string;
  details?: Record<string, unknown>;
}

/**
 * With `messageEn`, `message` is the Vietnamese already. Without it, `message` is English only
 * (Nest's and Fastify's errors, callers that never translated): the board gets the Vietnamese line
 * of its `code` if there is one, else of its status, and the English lines stay in `messageEn`,
 * joined into one so the two lists still match line for line.
 */
export function errorBody(status: number, message: unknown, extra: Pick<ErrorBody, 'code' | 'details'> & { messageEn?: string[] } = {}): ErrorBody {
  const lines = toLines(message);
  const english = lines.length > 0 ? lines : [STATUS_CODES[status] ?? 'Error'];
  const bilingual =
    extra.messageEn !== undefined
      ? lineForLine(lines.length > 0 ? lines : [statusLineVi(status)], extra.messageEn)
      : { message: [errorMessageVi(extra.code ?? '', statusLineVi(status), extra.details)], messageEn: [english.join('; ')] };
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    ...bilingual,
    ...(extra.code !== undefined && { code: extra.code }),
    ...(extra.details !== undefined && Object.keys(extra.details).length > 0 && { details: extra.details }),
  };
}

/**
 * The body of a Nest HttpException: the ledger's own (bilingualBadRequest, auth errors) carry
 * `messageEn` beside their Vietnamese, and a `code` when they name themselves (PROJECTION_LAGGING,
 * RATE_LIMITED); Nest's own carry English only.
 */
export function httpExceptionBody(error: HttpException): ErrorBody {
  const body = error.getResponse();
  const message = typeof body === 'object' && 'message' in body ? body.message : body;
  const messageEn = typeof body === 'object' && 'messageEn' in body && isLines(body.messageEn) ? body.messageEn : undefined;
  const code = typeof body === 'object' && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
  return errorBody(error.getStatus(), message, { messageEn, ...(code !== undefined && { code }) });
}

/** A client pairs the lists by index: lists that do not pair become one line each rather than mislead. */
function lineForLine(vi: string[], en: string[]): Pick<ErrorBody, 'message' | 'messageEn'> {
  return vi.length === en.length ? { message: vi, messageEn: en } : { message: [vi.join('; ')], messageEn: [en.join('; ')] };
}

function toLines(message: unknown): string[] {
  return (Array.isArray(message) ? message : [message])
    .filter((line) => line !== undefined && line !== null)
    .map(String)
    .filter((line) => line.length > 0);
}

const isLines = (value: unknown): value is string[] => Array.isArray(value) && value.every((line) => typeof line === 'string');
