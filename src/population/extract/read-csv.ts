import { createReadStream } from 'node:fs';
import { CsvParser, type CsvRecord } from './csv-parser';

/** Records of a chunk of the file, with how many bytes of the file have been read so far. */
export interface CsvBatch {
  records: CsvRecord[];
  bytesRead: number;
}

/**
 * Streams a UTF-8 CSV file as batches of records, one batch per chunk read, so memory stays flat
 * however large the extract. The stream decodes UTF-8 itself: a multi-byte character split across
 * two chunks is joined before it reaches the parser.
 */
export async function* readCsv(file: string, highWaterMark = 1 << 20): AsyncGenerator<CsvBatch> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark });
  const parser = new CsvParser();
  for await (const chunk of stream) {
    yield { records: parser.push(chunk as string), bytesRead: stream.bytesRead };
  }
  yield { records: parser.end(), bytesRead: stream.bytesRead };
}
