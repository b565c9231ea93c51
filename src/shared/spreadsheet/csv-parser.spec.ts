import { CsvParser, type CsvRecord } from './csv-parser';

/** Parses `text` fed in pieces of `size` characters, so every record may straddle chunks. */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  return [...out, ...parser.end()];
}

describe('CsvParser (RFC 4180)', () => {
  const sample = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n3,,"last"';

  it.each([1, 2, 3, 7, 1000])('reads quotes, commas, quoted newlines and a BOM the same in chunks of %i', (size) => {
    expect(parse(sample, size)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
      { line: 5, fields: ['3', '', 'last'] },
    ]);
  });

  it('numbers records by the physical line they start on, skipping blank lines', () => {
    expect(parse('h\n\n"a\nb"\n\nc\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['h']],
      [3, ['a\nb']],
      [6, ['c']],
    ]);
  });

  it('treats LF, CRLF and a CRLF split across chunks alike', () => {
    const parser = new CsvParser();
    const records = [...parser.push('a,b\r'), ...parser.push('\nc,d\n'), ...parser.end()];
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  it('ends a record at a lone CR too, and reads plain lines after quoted ones', () => {
    expect(parse('a\rb,c\n"q",1\nx,y\n', 4)).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b', 'c'] },
      { line: 3, fields: ['q', '1'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });

  it('keeps a quoted empty field and Vietnamese text as is', () => {
    expect(parse('"",Nguyễn Thị Hồng\n')).toEqual([{ line: 1, fields: ['', 'Nguyễn Thị Hồng'] }]);
  });

  it('flags malformed records without losing the ones after them', () => {
    expect(parse('a"b,c\n"x"y,z\n"open,\nok,1')).toEqual([
      { line: 1, fields: ['a"b', 'c'], malformed: 'a quote inside an unquoted field' },
      { line: 2, fields: ['xy', 'z'], malformed: 'characters after a closing quote' },
      { line: 3, fields: ['open,\nok,1'], malformed: 'a quoted field is never closed' },
    ]);
  });
});
