import { canonicalJson, type JsonValue } from './json';

/**
 * `canonicalJson(JSON.parse(text))`, written straight from the text: the verifier reads every
 * event's payloads as PostgreSQL's jsonb text and would otherwise parse each into objects, copy
 * them with sorted keys and stringify them again, most of its CPU per event. Here each object's
 * members are sorted as slices of the text; strings and numbers are copied when JSON.stringify
 * would write them unchanged and pass through JSON.parse/JSON.stringify otherwise. Anything
 * this scanner does not expect (whitespace other than spaces, surrogates, duplicate keys, text
 * that is not JSON) falls back to the parse, which gives the same text or the same error.
 */
export function canonicalJsonText(text: string): string {
  if (!UNUSUAL.test(text)) {
    const scanner = new Scanner(text);
    const value = scanner.value();
    if (value !== undefined && scanner.end()) return value;
  }
  return canonicalJson(JSON.parse(text) as JsonValue);
}

// Raw control characters are either insignificant whitespace other than a space or invalid JSON;
// surrogates may stand alone, which JSON.stringify escapes. Either way the parse decides.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNUSUAL = /[\u0000-\u001f\ud800-\udfff]/;
const SIMPLE_MEMBERS = 16;

// Character codes the scanner compares with charCodeAt.
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const UPPER_E = 69;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const LOWER_E = 101;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_T = 116;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Each method returns the canonical text of what it read, or undefined for something the parse must judge. */
class Scanner {
  private at = 0;
  /** The next backslash at or after `at`: a string that ends before it has no escape. */
  private backslash: number;
  private stringValue = '';

  constructor(private readonly text: string) {
    this.backslash = this.find(BACKSLASH, 0);
  }

  end(): boolean {
    this.spaces();
    return this.at === this.text.length;
  }

  value(): string | undefined {
    this.spaces();
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN_BRACE) return this.object();
    if (c === OPEN_BRACKET) return this.array();
    if (c === QUOTE) return this.string();
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number();
    if (c === LOWER_T) return this.word('true');
    if (c === LOWER_F) return this.word('false');
    if (c === LOWER_N) return this.word('null');
    return undefined;
  }

  private object(): string | undefined {
    this.at += 1;
    this.spaces();
    if (this.text.charCodeAt(this.at) === CLOSE_BRACE) {
      this.at += 1;
      return '{}';
    }
    const keys: string[] = [];
    const members: string[] = [];
    for (;;) {
      this.spaces();
      if (this.text.charCodeAt(this.at) !== QUOTE) return undefined;
      const key = this.string();
      if (key === undefined) return undefined;
      keys.push(this.stringValue);
      this.spaces();
      if (this.text.charCodeAt(this.at) !== COLON) return undefined;
      this.at += 1;
      const value = this.value();
      if (value === undefined) return undefined;
      members.push(`${key}:${value}`);
      this.spaces();
      const c = this.text.charCodeAt(this.at);
      this.at += 1;
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) return undefined;
    }
    return sortMembers(keys, members) ? `{${members.join(',')}}` : undefined;
  }

  private array(): string | undefined {
    this.at += 1;
    this.spaces();
    if (this.text.charCodeAt(this.at) === CLOSE_BRACKET) {
      this.at += 1;
      return '[]';
    }
    let out = '[';
    for (;;) {
      const item = this.value();
      if (item === undefined) return undefined;
      out += item;
      this.spaces();
      const c = this.text.charCodeAt(this.at);
      this.at += 1;
      if (c === CLOSE_BRACKET) return `${out}]`;
      if (c !== COMMA) return undefined;
      out += ',';
    }
  }

  /** The string's text as JSON.stringify writes it; its value is left in `stringValue` (to sort keys by). */
  private string(): string | undefined {
    const start = this.at;
    const close = this.find(QUOTE, start + 1);
    if (close < 0) return undefined;
    if (close < this.backslash) {
      this.at = close + 1;
      this.stringValue = this.text.slice(start + 1, close);
      return this.text.slice(start, close + 1);
    }
    // An escape: find the quote that really closes the string, and let JSON write it its way.
    let i = start + 1;
    for (let c = this.text.charCodeAt(i); c !== QUOTE; c = this.text.charCodeAt(i)) {
      if (Number.isNaN(c)) return undefined;
      i += c === BACKSLASH ? 2 : 1;
    }
    this.at = i + 1;
    this.backslash = this.find(BACKSLASH, this.at);
    try {
      this.stringValue = JSON.parse(this.text.slice(start, i + 1)) as string;
      return JSON.stringify(this.stringValue);
    } catch {
      return undefined;
    }
  }

  private number(): string | undefined {
    const start = this.at;
    const negative = this.text.charCodeAt(start) === MINUS;
    let digitsOnly = true;
    let i = negative ? start + 1 : start;
    for (let c = this.text.charCodeAt(i); ; c = this.text.charCodeAt(i)) {
      if (c >= ZERO && c <= NINE) i += 1;
      else if (c === DOT || c === LOWER_E || c === UPPER_E || c === PLUS || c === MINUS) {
        digitsOnly = false;
        i += 1;
      } else break;
    }
    this.at = i;
    const token = this.text.slice(start, i);
    const digits = i - (negative ? start + 1 : start);
    // An integer of up to 15 digits without a leading zero is exact in a double and written back as is (but -0 as 0).
    if (digitsOnly && digits > 0 && digits <= 15 && (digits === 1 || this.text.charCodeAt(i - digits) !== ZERO) && token !== '-0') return token;
    try {
      return JSON.stringify(JSON.parse(token) as number);
    } catch {
      return undefined;
    }
  }

  private word(word: string): string | undefined {
    if (!this.text.startsWith(word, this.at)) return undefined;
    this.at += word.length;
    return word;
  }

  private spaces(): void {
    while (this.text.charCodeAt(this.at) === SPACE) this.at += 1;
  }

  private find(char: number, from: number): number {
    const found = this.text.indexOf(String.fromCharCode(char), from);
    return found < 0 && char === BACKSLASH ? this.text.length : found;
  }
}

/**
 * Sorts the members by key, UTF-16 code units as Array#sort compares them; false when a key
 * repeats (JSON.parse keeps the last one, the parse then decides).
 */
function sortMembers(keys: string[], members: string[]): boolean {
  const n = keys.length;
  if (n > SIMPLE_MEMBERS) {
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const sortedKeys = order.map((i) => keys[i]);
    const sortedMembers = order.map((i) => members[i]);
    for (let i = 0; i < n; i += 1) {
      keys[i] = sortedKeys[i];
      members[i] = sortedMembers[i];
    }
  } else {
    // Insertion sort: objects are small, and often nearly sorted already.
    for (let i = 1; i < n; i += 1) {
      const key = keys[i];
      const member = members[i];
      let j = i - 1;
      while (j >= 0 && keys[j] > key) {
        keys[j + 1] = keys[j];
        members[j + 1] = members[j];
        j -= 1;
      }
      keys[j + 1] = key;
      members[j + 1] = member;
    }
  }
  for (let i = 1; i < n; i += 1) if (keys[i] === keys[i - 1]) return false;
  return true;
}
