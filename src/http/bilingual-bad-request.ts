import { BadRequestException } from '@nestjs/common';

/** One problem of a request, as a board reads it and as the English contract names it. */
export interface BilingualLine {
  vi: string;
  en: string;
}

/**
 * A 400 whose `message` is Vietnamese and whose `messageEn` keeps the English, same order; the
 * error filter copies both into the body (API.md "Errors").
 */
export function bilingualBadRequest(lines: readonly BilingualLine[]): BadRequestException {
  return new BadRequestException({ message: lines.map((line) => line.vi), messageEn: lines.map((line) => line.en) });
}
