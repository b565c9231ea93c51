import { HttpException } from '@nestjs/common';
import type { FastifyError } from 'fastify';

/**
 * Fastify's own refusals as a board reads them, by Fastify's stable error code. Fastify answers
 * these before any Nest code runs (a URL that does not decode, a body that is empty, not JSON or too
 * large), in English; its message is kept as `messageEn`.
 */
const FASTIFY_ERRORS_VI: Readonly<Partial<Record<string, string>>> = {
  FST_ERR_BAD_URL: 'Địa chỉ (URL) có ký tự mã hóa phần trăm (%) không hợp lệ',
  FST_ERR_MAX_PARAM_LENGTH: 'Một thành phần của địa chỉ (URL) quá dài',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung yêu cầu trống; cần một đối tượng JSON',
  // Fastify gives one code for malformed JSON and for a __proto__ or constructor.prototype key.
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung yêu cầu không phải JSON hợp lệ (hoặc có khóa bị cấm như __proto__)',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung yêu cầu vượt quá dung lượng cho phép',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung (Content-Type) không được hỗ trợ',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài khai báo (Content-Length) không khớp với nội dung gửi lên',
  FST_ERR_CTP_EMPTY_TYPE: 'Thiếu kiểu nội dung (Content-Type)',
  FST_ERR_CTP_INVALID_TYPE: 'Kiểu nội dung (Content-Type) không hợp lệ',
};

/** An error made by @fastify/error: Fastify's, its plugins' (multipart, rate-limit). */
export function isFastifyError(error: unknown): error is FastifyError & { statusCode: number } {
  return error instanceof Error && error.name === 'FastifyError' && 'code' in error && typeof error.code === 'string' && 'statusCode' in error && typeof error.statusCode === 'number';
}

/**
 * A Fastify 4xx as an HttpException in the API.md shape; a 5xx stays what it is, so the error
 * filter logs it and tells the caller nothing of it.
 */
export function fastifyRefusal(error: FastifyError & { statusCode: number }): HttpException | FastifyError {
  if (error.statusCode >= 500) return error;
  const vi = FASTIFY_ERRORS_VI[error.code];
  return new HttpException({ message: [vi ?? error.message], ...(vi !== undefined && { messageEn: [error.message] }) }, error.statusCode);
}
