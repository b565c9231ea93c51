import { expect } from '@jest/globals';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { errorOf } from './response-body';

/** A letter only Vietnamese writes (tone marks, đ, ơ, ư): an English line has none. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * API.md "Errors" as every refusal must read: the status and its name, Vietnamese lines in
 * `message` and the English, line for line, in `messageEn`. Labelled so a failing case names itself.
 */
export function expectBilingualError(label: string, res: Pick<Response, 'status' | 'body'>, status: number): void {
  const body = errorOf(res);
  const shape = {
    label,
    status: res.status,
    statusCode: body.statusCode,
    error: body.error,
    vietnamese: Array.isArray(body.message) && body.message.length > 0 && body.message.every((line) => typeof line === 'string' && VIETNAMESE.test(line)),
    englishLineForLine: Array.isArray(body.messageEn) && body.messageEn.length === body.message.length && body.messageEn.every((line) => typeof line === 'string' && line.length > 0),
  };
  expect({ ...shape, body }).toEqual({ label, status, statusCode: status, error: STATUS_CODES[status], vietnamese: true, englishLineForLine: true, body });
}
