import { createReadStream, type ReadStream } from 'node:fs';
import { CsvParser, type CsvRecord } from './csv-parser';
import { encodingOf, SNIFF_BYTES, sniffDelimiter, textDecoder } from './decode-text';

/** Records of a chunk of the file, with how many bytes of the file have been read so far. */
export interface CsvBatch {
  records: CsvRecord[];
  bytesRead: number;
}

/**
 * Streams a CSV file as batches of records, one batch per chunk read, so memory stays flat however
 * large the file. The encoding (UTF-8, with or without a byte order mark, or UTF-16) is read from
 * the first bytes and the delimiter (`,` `;` or tab) from the header line; a multi-byte character
 * split across two chunks is joined before it reaches the parser.
 */
export async function* readCsv(file: string, highWaterMark = 1 << 20): AsyncGenerator<CsvBatch> {
  const stream = createReadStream(file, { highWaterMark });
  let parser: CsvParser | undefined;
  // Text held back until the header line is whole, so the delimiter is sniffed on all of it.
  let head = '';
  const feed = (text: string, last: boolean): CsvRecord[] => {
    if (parser) return parser.push(text);
    head += text;
    if (!head.includes('\n') && !last) return [];
    parser = new CsvParser(sniffDelimiter(head));
    return parser.push(head);
  };
  try {
    for await (const text of decoded(stream)) yield { records: feed(text, false), bytesRead: stream.bytesRead };
    const records = feed('', true);
    yield { records: [...records, ...(parser?.end() ?? [])], bytesRead: stream.bytesRead };
  } finally {
    stream.destroy();
  }
}

/** The file's text chunk by chunk, its encoding read from its first bytes (which a chunk may not hold). */
async function* decoded(stream: ReadStream): AsyncGenerator<string> {
  let held = Buffer.alloc(0);
  let decode: ((chunk: Uint8Array | undefined) => string) | undefined;
  for await (const chunk of stream) {
    if (decode !== undefined) {
      yield decode(chunk as Buffer);
      continue;
    }
    held = Buffer.concat([held, chunk as Buffer]);
    if (held.length < SNIFF_BYTES) continue;
    decode = textDecoder(encodingOf(held));
    yield decode(held);
  }
  if (decode === undefined) {
    decode = textDecoder(encodingOf(held));
    yield decode(held);
  }
  yield decode(undefined);
}
