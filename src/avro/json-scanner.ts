/**
 * An iterative JSON scanner that explains why a text is not JSON: it accepts exactly what `JSON.parse`
 * accepts (RFC 8259) and reports the first problem with its offset and a plain description. It only
 * runs after `JSON.parse` failed, so it favours clear messages over speed; it never recurses, so any
 * nesting depth is safe.
 */

/** The first reason a text cannot be used as a JSON document. */
export interface JsonScanFailure {
  readonly code: 'INVALID_JSON' | 'TOO_DEEP';
  readonly problem: string;
  /** UTF-16 offset of the offending character in the text. */
  readonly offset: number;
  readonly hint?: string;
}

class Failure {
  constructor(readonly failure: JsonScanFailure) {}
}

const OBJECT = 0;
const ARRAY = 1;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX = /^[0-9a-fA-F]{4}$/;

/** Scans `text` as one JSON value; returns the first failure, or undefined when it is valid JSON. */
export function findJsonFailure(text: string, maxDepth: number): JsonScanFailure | undefined {
  try {
    new Scanner(text, maxDepth).document();
    return undefined;
  } catch (e) {
    if (e instanceof Failure) return e.failure;
    throw e;
  }
}

/**
 * Returns the offset of the first bracket that opens a container nested deeper than `maxDepth`, or -1.
 * The text must be valid JSON; strings are skipped with `indexOf`, so this is cheap on large inputs.
 */
export function findTooDeep(text: string, maxDepth: number): number {
  // Bounds from the length and from counts the native indexOf gives quickly spare almost every text
  // the full scan. Each opening bracket has its closing one, so nesting past the limit needs twice as
  // many characters.
  if (text.length < 2 * (maxDepth + 1) || !deepEnoughByLength(text, maxDepth) || !hasMoreOpeners(text, maxDepth)) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * Whether the length and the `[` count allow nesting past the limit. Of a chain of nested containers,
 * each array holds its child in two characters of its own (`[` and `]`), each object in at least five
 * (`{"":` and `}`), and the innermost takes two: so the depth is at most the number of `[` (brackets in
 * strings only count extra) plus a fifth of the length, plus one. A schema of a few kilobytes has a
 * few dozen `[`, where counting every opener would take a hundred calls.
 */
function deepEnoughByLength(text: string, limit: number): boolean {
  const objectLevels = Math.floor(text.length / 5) + 1;
  if (objectLevels > limit) return true;
  let arrayLevels = 0;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    if (++arrayLevels + objectLevels > limit) return true;
  }
  return false;
}

/** Nesting deeper than the limit needs more opening brackets than the limit. */
function hasMoreOpeners(text: string, limit: number): boolean {
  let count = 0;
  for (const opener of ['{', '[']) {
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
      if (++count > limit) return true;
    }
  }
  return false;
}

export function tooDeepProblem(maxDepth: number): string {
  return `the JSON nesting exceeds the limit of ${maxDepth} levels`;
}

const SHORT_STRING = 32;

/** Offset just past the closing quote of the (valid) string literal that starts at `start`. */
export function stringEnd(text: string, start: number): number {
  // Most strings in a schema are short names; a loop over their characters is cheaper than a call to
  // indexOf. Long ones (docs) go on with indexOf, which searches natively.
  const shortEnd = Math.min(text.length, start + SHORT_STRING);
  let from = start + 1;
  for (; from < shortEnd; from++) {
    const c = text.charCodeAt(from);
    if (c === 0x22) return from + 1;
    if (c === 0x5c) from++;
  }
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Whitespace as JSON defines it: space, tab, line feed, carriage return. */
export function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (isJsonWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** How a character is shown in a message: quoted when printable, else as U+XXXX. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const char = String.fromCodePoint(code);
  // Invisible characters (controls, odd spaces, the BOM) are named by code point.
  if (/^[\p{C}\p{Z}]$/u.test(char)) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${char}'`;
}

class Scanner {
  private pos = 0;
  private readonly stack: number[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): void {
    this.pos = skipWhitespace(this.text, 0);
    if (this.pos >= this.text.length) this.fail('the document is empty; expected a JSON value', this.pos);
    let expectValue = true;
    for (;;) {
      if (expectValue) expectValue = this.value();
      else if (this.stack.length === 0) return this.end();
      else expectValue = this.afterMember();
    }
  }

  /** Scans one value, or opens a container; returns whether a value (a first member) is expected next. */
  private value(): boolean {
    const c = this.text[this.pos];
    if (c === '{' || c === '[') return this.open(c);
    if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.literal();
    this.pos = skipWhitespace(this.text, this.pos);
    return false;
  }

  private open(c: '{' | '['): boolean {
    if (this.stack.length >= this.maxDepth) {
      this.fail(tooDeepProblem(this.maxDepth), this.pos, 'TOO_DEEP');
    }
    this.stack.push(c === '{' ? OBJECT : ARRAY);
    this.pos = skipWhitespace(this.text, this.pos + 1);
    const close = c === '{' ? '}' : ']';
    if (this.text[this.pos] === close) {
      this.stack.pop();
      this.pos = skipWhitespace(this.text, this.pos + 1);
      return false;
    }
    if (c === '{') this.key();
    return true;
  }

  /** After a value inside a container: a ',' and the next member, or the closing bracket. */
  private afterMember(): boolean {
    const inObject = this.stack[this.stack.length - 1] === OBJECT;
    const close = inObject ? '}' : ']';
    const c = this.text[this.pos];
    if (c === close) {
      this.stack.pop();
      this.pos = skipWhitespace(this.text, this.pos + 1);
      return false;
    }
    if (c !== ',') {
      const what = inObject ? 'an object member' : 'an array element';
      const prefix = c === undefined ? 'unexpected end of input; ' : '';
      this.fail(`${prefix}expected ',' or '${close}' after ${what}`, this.pos, 'INVALID_JSON', missingHint(c));
    }
    const comma = this.pos;
    this.pos = skipWhitespace(this.text, this.pos + 1);
    if (this.text[this.pos] === close) {
      this.fail(`trailing comma before '${close}'`, comma, 'INVALID_JSON', 'remove the last \',\'');
    }
    if (inObject) this.key();
    return true;
  }

  /** An object key and its ':'; leaves the position at the member's value. */
  private key(): void {
    const c = this.text[this.pos];
    if (c !== '"') {
      if (c === undefined) this.fail("unexpected end of input; expected a '\"'-quoted object key", this.pos);
      const hint = c === "'" ? 'JSON strings use double quotes' : 'object keys must be double-quoted strings';
      this.fail(`expected a '"'-quoted object key, found ${describeChar(c)}`, this.pos, 'INVALID_JSON', hint);
    }
    this.string();
    this.pos = skipWhitespace(this.text, this.pos);
    if (this.text[this.pos] !== ':') this.fail("expected ':' after an object key", this.pos);
    this.pos = skipWhitespace(this.text, this.pos + 1);
  }

  private string(): void {
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) {
        this.fail('unterminated string', start, 'INVALID_JSON', "close it with '\"' before the end of the line");
      }
      if (c === 0x22) break;
      if (c === 0x5c) i = this.escape(i);
      else if (c < 0x20) {
        const hint = c === 0x09 ? 'write it as \\t' : 'write it as a \\u escape';
        this.fail(`unescaped control character ${describeChar(this.text.charAt(i))} in a string`, i, 'INVALID_JSON', hint);
      } else i++;
    }
    this.pos = i + 1;
  }

  /** Checks the escape sequence at `i` (a backslash); returns the offset after it. */
  private escape(i: number): number {
    const e = this.text[i + 1];
    if (e === undefined) this.fail('unterminated string', i);
    if (e === 'u') {
      if (!HEX.test(this.text.slice(i + 2, i + 6))) {
        this.fail('invalid \\u escape in a string: expected 4 hexadecimal digits', i);
      }
      return i + 6;
    }
    if (!SIMPLE_ESCAPES.includes(e)) {
      this.fail(`invalid escape sequence '\\${e}' in a string`, i, 'INVALID_JSON', 'write a backslash as \\\\');
    }
    return i + 2;
  }

  private number(): void {
    let i = this.pos;
    if (this.text[i] === '-') i++;
    if (this.text[i] === '0') {
      if (isDigit(this.text[i + 1])) this.fail('numbers cannot have leading zeros', i);
      i++;
    } else i = this.digits(i, "expected a digit after '-'");
    if (this.text[i] === '.') i = this.digits(i + 1, 'expected a digit after the decimal point');
    if (this.text[i] === 'e' || this.text[i] === 'E') {
      i++;
      if (this.text[i] === '+' || this.text[i] === '-') i++;
      i = this.digits(i, 'expected a digit in the exponent');
    }
    this.pos = i;
  }

  private digits(from: number, problem: string): number {
    let i = from;
    while (isDigit(this.text[i])) i++;
    if (i === from) this.fail(problem, from);
    return i;
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(...unexpectedValue(this.text, this.pos));
  }

  private end(): void {
    if (this.pos < this.text.length) {
      const c = describeChar(this.text.charAt(this.pos));
      this.fail(`unexpected ${c} after the end of the JSON value`, this.pos, 'INVALID_JSON', 'a document holds exactly one value');
    }
  }

  private fail(problem: string, offset: number, code: JsonScanFailure['code'] = 'INVALID_JSON', hint?: string): never {
    throw new Failure({ code, problem, offset, ...(hint ? { hint } : {}) });
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function missingHint(c: string | undefined): string | undefined {
  return c === '"' || c === '{' || c === '[' ? "a ',' is probably missing" : undefined;
}

/** The failure for a character that cannot start a value. */
function unexpectedValue(text: string, pos: number): [string, number, 'INVALID_JSON', string?] {
  const c = text[pos];
  if (c === undefined) return ['unexpected end of input; expected a value', pos, 'INVALID_JSON'];
  if (c === "'") return ['strings must use double quotes', pos, 'INVALID_JSON'];
  if (c === '/') return ['comments are not allowed in JSON', pos, 'INVALID_JSON'];
  if (c === '}' || c === ']' || c === ',' || c === ':') {
    return [`expected a value, found '${c}'`, pos, 'INVALID_JSON'];
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 64))?.[0];
  if (word !== undefined) {
    const hint = word === 'NaN' || word === 'Infinity' ? 'JSON has no NaN or Infinity' : 'strings must be in double quotes';
    return [`unexpected word '${word}'; expected a value`, pos, 'INVALID_JSON', hint];
  }
  return [`unexpected character ${describeChar(String.fromCodePoint(text.codePointAt(pos) ?? 0))}; expected a value`, pos, 'INVALID_JSON'];
}
