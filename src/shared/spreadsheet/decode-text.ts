/** A file that is neither .xlsx nor text that can be decoded: nothing of it is read. */
export class UnreadableSpreadsheet extends Error {
  constructor(readonly messageVi: string, messageEn: string, options?: ErrorOptions) {
    super(messageEn, options);
    this.name = 'UnreadableSpreadsheet';
  }
}

export const notText = (): UnreadableSpreadsheet =>
  new UnreadableSpreadsheet('tệp không phải .xlsx hay CSV mã hoá UTF-8/UTF-16', 'the file is neither .xlsx nor a UTF-8/UTF-16 CSV');

/**
 * A zip that exceljs cannot read as a workbook. Its own error (`Cannot set properties of undefined
 * (setting 'sheetNo')` for a sheet that is not a worksheet) says nothing to a clerk and names the
 * library's insides: it is kept as `cause` for a log and never put in the message a caller shows.
 */
export const unreadableWorkbook = (cause: unknown): UnreadableSpreadsheet =>
  new UnreadableSpreadsheet(
    'tệp .xlsx bị hỏng hoặc không phải bảng tính Excel hợp lệ (hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx)',
    'the .xlsx file is damaged or not a valid Excel workbook (open it in Excel and save it again as .xlsx)',
    { cause },
  );

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** An .xlsx is a zip: known by its signature, whatever the file is called. */
export const isZip = (head: Uint8Array): boolean => ZIP.every((b, i) => head[i] === b);

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many first bytes tell the encoding: enough characters for a UTF-16 file without a mark to show its NULs. */
export const SNIFF_BYTES = 64;

/**
 * How a CSV's bytes are encoded, from its first SNIFF_BYTES, as Excel and clerks' tools save it:
 * UTF-16 with its byte order mark ("Unicode text"), UTF-8 with or without one. UTF-16 without a mark
 * shows itself by NULs: the high bytes of ASCII and of most Vietnamese letters (U+00xx) are zero,
 * at odd offsets in little-endian, even ones in big-endian. UTF-8 text has no NUL at all.
 */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, SNIFF_BYTES - (SNIFF_BYTES % 2));
  let odd = 0;
  let even = 0;
  sample.forEach((byte, i) => {
    if (byte !== 0) return;
    if (i % 2 === 1) odd += 1;
    else even += 1;
  });
  const enough = Math.max(1, sample.length / 8);
  if (odd >= enough && even * 4 < odd) return 'utf-16le';
  if (even >= enough && odd * 4 < even) return 'utf-16be';
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
