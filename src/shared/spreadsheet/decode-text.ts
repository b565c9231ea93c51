/** A file that is neither .xlsx nor text that can be decoded: nothing of it is read. */
export class UnreadableSpreadsheet extends Error {
  constructor(readonly messageVi: string, messageEn: string) {
    super(messageEn);
    this.name = 'UnreadableSpreadsheet';
  }
}

export const notText = (): UnreadableSpreadsheet =>
  new UnreadableSpreadsheet('tệp không phải .xlsx hay CSV mã hoá UTF-8/UTF-16', 'the file is neither .xlsx nor a UTF-8/UTF-16 CSV');

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** An .xlsx is a zip: known by its signature, whatever the file is called. */
export const isZip = (head: Uint8Array): boolean => ZIP.every((b, i) => head[i] === b);

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * How a CSV's bytes are encoded, from its first bytes, as Excel and clerks' tools save it: UTF-16
 * with its byte order mark ("Unicode text"), UTF-8 with or without one. UTF-16 without a mark shows
 * itself by NULs between ASCII letters.
 */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return 'utf-16le';
  return 'utf-8';
}

/**
 * A decoder for a file's chunks in turn (a character split across two chunks is joined); the byte
 * order mark is dropped. Bytes that are not text of the encoding (a Latin-1 or binary file) throw
 * UnreadableSpreadsheet rather than becoming U+FFFD in somebody's name.
 */
export function textDecoder(encoding: TextEncoding): (chunk: Uint8Array | undefined) => string {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (chunk) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw notText();
    }
  };
}

/** The whole text of a CSV held in memory. */
export function decodeText(bytes: Uint8Array): string {
  const decode = textDecoder(encodingOf(bytes));
  return decode(bytes) + decode(undefined);
}

/** The header line's most frequent of `,` `;` and tab: Vietnamese Excel writes `;` (its decimal mark is the comma). */
export function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
