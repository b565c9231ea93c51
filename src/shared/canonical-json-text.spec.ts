import fc from 'fast-check';
import { canonicalJsonText } from './canonical-json-text';
import { canonicalJson, type JsonValue } from './json';

/** The reference: parse the text, then write the value canonically, as the verifier did before. */
const parsedThenCanonical = (text: string): string => canonicalJson(JSON.parse(text) as JsonValue);

/** PostgreSQL's jsonb text: keys shorter first, then by bytes; ", " and ": " between tokens. */
function jsonbText(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const bytes = (key: string) => Buffer.from(key);
  const keys = Object.keys(value).sort((a, b) => bytes(a).length - bytes(b).length || Buffer.compare(bytes(a), bytes(b)));
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(value[k])}`).join(', ')}}`;
}

const keys = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', 'a', 'a ', 'a!', 'ab', 'B', 'é', 'ệ', '10', '9', '-1', '__proto__', 'constructor', 'q"uote', 'back\\slash', 'tab\t', '\u0001', '😀', '\u2028'),
);
const values: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }).map((v) => v as JsonValue),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('Nguyễn Văn A', 'say "hi"\n', '\\', '\u0000\u001f', '\u2028'),
    fc.constantFrom(0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345, 1234567890123456, 2 ** 53 + 2, -5e-324),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 20 }),
  ),
})).value;

describe('canonicalJsonText: canonical JSON written from the text, as the verifier hashes payloads', () => {
  it('gives exactly canonicalJson(JSON.parse(text)) for jsonb text, JSON.stringify text and spaced text (property)', () =>
    fc.assert(
      fc.property(values, (value) => {
        for (const text of [jsonbText(value), JSON.stringify(value), JSON.stringify(value, null, 2), ` ${jsonbText(value)} `]) {
          expect(canonicalJsonText(text)).toBe(parsedThenCanonical(text));
        }
      }),
      { numRuns: 2000 },
    ));

  it('writes numbers as JSON.parse then JSON.stringify would, whatever their spelling', () => {
    const text = '{"b": [1.0, 1.50, 1e3, 1E+2, -0, 0.000001, 1e-7, 10000000000000000, 9007199254740993, 123456789012345, -12, 0], "a": 2.5e0}';
    expect(canonicalJsonText(text)).toBe(parsedThenCanonical(text));
    expect(canonicalJsonText(text)).toBe('{"a":2.5,"b":[1,1.5,1000,100,0,0.000001,1e-7,10000000000000000,9007199254740992,123456789012345,-12,0]}');
  });

  it('writes escapes as JSON.stringify does and sorts escaped keys by their value', () => {
    const text = '{"\\u0062": "\\u00e9\\/\\"", "a\\n": 1, "a": "\\ud83d\\ude00", "c": "\\u2028\\u001F"}';
    expect(canonicalJsonText(text)).toBe(parsedThenCanonical(text));
    expect(canonicalJsonText(text)).toBe('{"a":"😀","a\\n":1,"b":"é/\\"","c":"\u2028\\u001f"}');
  });

  it('keeps the last of repeated keys, as JSON.parse does', () => expect(canonicalJsonText('{"b": 1, "a": 2, "b": 3}')).toBe('{"a":2,"b":3}'));

  it('refuses what is not JSON, as JSON.parse does', () => {
    for (const text of ['', '{', '{"a" 1}', '[1,]', '{"a": 01}', '"open', 'nul', '1 2', '{"a": 1}}', '\\u0041']) {
      expect(() => canonicalJsonText(text)).toThrow(SyntaxError);
    }
  });
});
