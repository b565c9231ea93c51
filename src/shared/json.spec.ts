import { canonicalJson, type JsonValue } from './json';

describe('canonicalJson: the text every event hash is taken over', () => {
  it('sorts keys by UTF-16 code units at every depth, with no whitespace', () =>
    expect(canonicalJson({ b: [{ z: 1, a: 'x' }], a: { d: null, c: true }, B: 'é', 'é': 0, '\ud83d\ude00': 1, ab: 2 })).toBe(
      '{"B":"é","a":{"c":true,"d":null},"ab":2,"b":[{"a":"x","z":1}],"é":0,"😀":1}',
    ));

  it('puts "10" before "9" and "-1" before "1", as text, not as JavaScript orders index keys', () =>
    expect(canonicalJson({ '9': 'a', '10': 'b', '1': 'c', '-1': 'd', x: { '2': 0, '10': 1 } })).toBe('{"-1":"d","1":"c","10":"b","9":"a","x":{"10":1,"2":0}}'));

  it('keeps a "__proto__" key as a key', () =>
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2},"a":3}') as JsonValue)).toBe('{"__proto__":{"x":2},"a":3,"b":1}'));

  it('writes strings and numbers as JSON.stringify does', () =>
    expect(canonicalJson(['"\\\n\u0001\u2028', 1e21, -0, 0.1, 'Nguyễn'])).toBe(JSON.stringify(['"\\\n\u0001\u2028', 1e21, -0, 0.1, 'Nguyễn'])));

  it('gives one text for one value, whatever order its keys were written in', () => {
    const value = { metadata: { recordedAt: '2026-01-01T00:00:00.000Z', actor: { role: 'board', subject: 's' } }, data: { household: [{ relationship: 'child', citizenId: '1' }] } };
    const reordered = { data: { household: [{ citizenId: '1', relationship: 'child' }] }, metadata: { actor: { subject: 's', role: 'board' }, recordedAt: '2026-01-01T00:00:00.000Z' } };
    expect(canonicalJson(value)).toBe(canonicalJson(reordered));
    expect(canonicalJson(value)).toBe('{"data":{"household":[{"citizenId":"1","relationship":"child"}]},"metadata":{"actor":{"role":"board","subject":"s"},"recordedAt":"2026-01-01T00:00:00.000Z"}}');
  });
});
