import { HttpException, HttpStatus } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BilingualLine } from './bilingual-bad-request';
import { isFastifyError } from './fastify-refusals';
import { isMultipartRoute } from './json-bodies-only';

const ONE_FILE_ONLY: BilingualLine = {
  vi: "Biểu mẫu tải lên chỉ được gồm một tệp trong trường 'file', không kèm trường hay tệp nào khác",
  en: "the form must hold the one file in field 'file' and nothing else",
};
const TOO_LARGE: BilingualLine = { vi: 'Tệp tải lên vượt quá dung lượng cho phép', en: 'the uploaded file is larger than the limit' };
/** Multipart limit errors (configure-app.ts sets files: 1, fields: 0): a part beyond the one file. */
const EXTRA_PART_CODES: ReadonlySet<string> = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PROTO_VIOLATION']);

/**
 * On MULTIPART_ROUTE routes, `request.file()` reads the whole form before it answers: the one file,
 * read into memory, then the rest of the body up to its closing boundary. @fastify/multipart
 * raises a broken form (no boundary, a part cut short, a field beside the file, a second file) as a
 * plain Error or a 413 FastifyError from inside the handler, which became a 500, or not at all
 * when it came after the file. Every error raised while the form is read comes from the bytes the
 * client sent, so each is answered here: 413 for a file over the limit, else 400, in both
 * languages, before anything is imported.
 */
export function readUploadFormsWhole(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (isMultipartRoute(request)) request.file = () => wholeForm(request);
    done();
  });
}

async function wholeForm(request: FastifyRequest): Promise<MultipartFile | undefined> {
  // No body at all: no form to read, and the handler says the file is missing.
  if (!request.isMultipart()) return undefined;
  let file: MultipartFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || file !== undefined) throw refusal(HttpStatus.BAD_REQUEST, ONE_FILE_ONLY);
      const bytes = await part.toBuffer();
      file = { ...part, toBuffer: () => Promise.resolve(bytes) };
    }
  } catch (error) {
    throw error instanceof HttpException ? error : malformed(error);
  }
  return file;
}

function malformed(error: unknown): HttpException {
  if (isFastifyError(error) && error.code === 'FST_REQ_FILE_TOO_LARGE') return refusal(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
  if (isFastifyError(error) && EXTRA_PART_CODES.has(error.code)) return refusal(HttpStatus.BAD_REQUEST, ONE_FILE_ONLY);
  const reason = error instanceof Error ? error.message : String(error);
  return refusal(HttpStatus.BAD_REQUEST, {
    vi: 'Dữ liệu tải lên (multipart/form-data) bị lỗi hoặc không trọn vẹn; hãy gửi lại tệp',
    en: `the multipart/form-data body is malformed or incomplete: ${reason}`,
  });
}

const refusal = (status: HttpStatus, line: BilingualLine): HttpException => new HttpException({ message: [line.vi], messageEn: [line.en] }, status);
