/**
 * The text layer of the Avro engine: bytes to text (strict UTF-8) and text to a JSON value that can map
 * any JSON pointer back to a line and column.
 *
 * The value comes from the native `JSON.parse` (iterative in V8, and the reference for what JSON is).
 * Our own scanner only runs when `JSON.parse` fails, to say exactly where and why. Positions are needed
 * only for findings and errors, so the structures behind `positionOf` are built on its first call.
 */
import { SchemaError } from './errors.js';
import { findJsonFailure, findTooDeep, skipWhitespace, stringEnd, tooDeepProblem, type JsonScanFailure } from './json-scanner.js';

/** A 1-based line and column; the column counts Unicode characters (code points), not bytes. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface JsonDocument {
  /** The document text (without a leading byte order mark). */
  readonly text: string;
  readonly file?: string;
  /** The value, exactly as `JSON.parse` builds it (duplicate keys: the last one wins). */
  readonly value: unknown;
  /**
   * Where the JSON value at an RFC 6901 `pointer` is written: '' (and '/', the way Avro writes the root
   * location) is the root. An object member points at its key's opening quote, so a finding about
   * field `type` lands on `"type": ...`; an array element points at its first character.
   * Undefined when nothing is at that pointer.
   */
  positionOf(pointer: string): TextPosition | undefined;
  /** The text of a 1-based line without its line break; '' past the end. */
  lineText(line: number): string;
}

export interface ParseJsonOptions {
  readonly file?: string;
  /** Deepest allowed nesting of objects and arrays; default 1000, Jackson's default that the registry uses. */
  readonly maxDepth?: number;
}

export const DEFAULT_JSON_MAX_DEPTH = 1000;
const BOM = '\uFEFF';
const UTF8_HINT = 'Save the file as UTF-8.';

/** Decodes strict UTF-8; a leading byte order mark is dropped. Invalid bytes throw INVALID_UTF8. */
export function decodeSchemaBytes(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8(bytes, file);
  }
}

function invalidUtf8(bytes: Uint8Array, file: string | undefined): SchemaError {
  const bad = firstInvalidUtf8(bytes);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const { line, column } = new TextLines(before).position(before.length);
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const hint = utf16 ? `The file looks like UTF-16. ${UTF8_HINT}` : UTF8_HINT;
  return new SchemaError('INVALID_UTF8', `invalid UTF-8: byte 0x${byte} at byte offset ${bad}`, { file, line, column, hint });
}

/** Offset of the lead byte of the first ill-formed UTF-8 sequence (the WHATWG decoder's rules). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Parses a JSON document; throws SchemaError INVALID_JSON or TOO_DEEP with the exact line and column. */
export function parseJsonDocument(text: string, options: ParseJsonOptions = {}): JsonDocument {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, got ${String(maxDepth)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const failure = findJsonFailure(source, maxDepth);
    if (failure) throw scanError(source, options.file, failure);
    throw new SchemaError('INVALID_JSON', 'the document is not valid JSON', { file: options.file });
  }
  const deep = findTooDeep(source, maxDepth);
  if (deep >= 0) throw scanError(source, options.file, { code: 'TOO_DEEP', problem: tooDeepProblem(maxDepth), offset: deep });
  return new ParsedDocument(source, options.file, value);
}

function scanError(text: string, file: string | undefined, failure: JsonScanFailure): SchemaError {
  const { line, column } = new TextLines(text).position(failure.offset);
  const hint = failure.hint ?? (failure.code === 'TOO_DEEP' ? 'Reduce the nesting of the schema.' : undefined);
  return new SchemaError(failure.code, failure.problem, { file, line, column, hint: hint && capitalise(hint) });
}

function capitalise(hint: string): string {
  const sentence = hint.charAt(0).toUpperCase() + hint.slice(1);
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}

/** Lookups that scan the text directly; after them an index of every container pays for itself. */
const LOOKUPS_BEFORE_INDEX = 4;
/**
 * A pointer with more tokens than this is looked up through the index at once: each token may step
 * over the rest of its container, so scanning for a deep pointer costs its depth times the text.
 */
const TOKENS_BEFORE_INDEX = 32;

class ParsedDocument implements JsonDocument {
  private lines?: TextLines;
  private containers?: ContainerIndex;
  private lookups = 0;
  /** No backslash anywhere in the text: every key is spelled as it reads, with no escapes. */
  private plainKeys?: boolean;

  constructor(
    readonly text: string,
    readonly file: string | undefined,
    readonly value: unknown,
  ) {}

  positionOf(pointer: string): TextPosition | undefined {
    const escaped = pointer.includes('~');
    if (!isPointer(pointer, escaped)) return undefined;
    if (this.containers === undefined && (++this.lookups > LOOKUPS_BEFORE_INDEX || hasMoreTokens(pointer, TOKENS_BEFORE_INDEX))) {
      this.containers = new ContainerIndex(this.text);
    }
    this.plainKeys ??= !this.text.includes('\\');
    const offset = locate(this.text, this.containers, pointer === '/' ? '' : pointer, this.plainKeys && !escaped);
    if (offset < 0) return undefined;
    this.lines ??= new TextLines(this.text);
    return this.lines.position(offset);
  }

  lineText(line: number): string {
    this.lines ??= new TextLines(this.text);
    return this.lines.lineText(line);
  }
}

/** Line starts of a text; line breaks are LF, CRLF and a lone CR, as editors count them. */
class TextLines {
  private readonly starts: number[] = [0];
  private surrogates?: boolean;

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // LF only, the usual case: the native search instead of a loop over every character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    // A character outside the BMP takes two UTF-16 units but is one column.
    this.surrogates ??= /[\uD800-\uDFFF]/.test(this.text);
    const column = this.surrogates ? [...this.text.slice(start, offset)].length : offset - start;
    return { line: lo + 1, column: column + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined || line < 1) return '';
    const next = this.starts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** The closing offset of every object and array, keyed by its opening offset (opens come in order). */
class ContainerIndex {
  // Plain arrays: a typed array's backing store costs more to allocate than a small schema costs to scan.
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];

  constructor(text: string) {
    const stack: number[] = [];
    for (let i = bracketFrom(text, 0); i < text.length; i = bracketFrom(text, i + 1)) {
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        stack.push(this.opens.length);
        this.opens.push(i);
        this.closes.push(i);
      } else if (c === 0x7d || c === 0x5d) this.closes[stack.pop() ?? 0] = i;
      else break;
    }
  }

  closeOf(open: number): number {
    let lo = 0;
    let hi = this.opens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.opens[mid] ?? 0) < open) lo = mid + 1;
      else hi = mid;
    }
    return this.closes[lo] ?? open;
  }
}

/*
 * The text is valid JSON (JSON.parse accepted it), so sticky expressions can step over it. A loop
 * over charCodeAt costs about half a JSON.parse of the text it scans; the expression engine, about a
 * quarter. Each repetition of a group takes an entry on the engine's backtracking stack, which a few
 * million overflow, so the groups are bounded: a string with more escapes, or a run of more strings,
 * stops the expression at a quote, and `stringEnd` (which searches with indexOf) goes on from there.
 */
const STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*){0,100}"`;
const WHITESPACE = '[ \\t\\n\\r]*';
/** Everything up to the next bracket outside a string, or up to a quote where a bound was reached. */
const TO_BRACKET = new RegExp(String.raw`[^"[\]{}]*(?:${STRING}[^"[\]{}]*){0,1000}`, 'sy');
/** A member's key, colon and the whitespace around them. */
const KEY = new RegExp(`${STRING}${WHITESPACE}:${WHITESPACE}`, 'sy');
/** A string, number, true, false or null, then its comma and whitespace when another value follows. */
const SCALAR = new RegExp(String.raw`(?:${STRING}|[^"[\]{},: \t\n\r]+)${WHITESPACE}(?:,${WHITESPACE})?`, 'sy');

/** The offset of the first bracket outside a string at or after `from`; the text's length if none. */
function bracketFrom(text: string, from: number): number {
  let at = from;
  for (;;) {
    TO_BRACKET.lastIndex = at;
    TO_BRACKET.test(text);
    at = TO_BRACKET.lastIndex;
    if (text.charCodeAt(at) !== 0x22) return at;
    at = stringEnd(text, at);
  }
}

/** The offset of the bracket that closes the container opened at `open`, by scanning to it. */
function closeOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i = bracketFrom(text, i + 1)) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i;
    } else break;
  }
  return text.length - 1;
}

function hasMoreTokens(pointer: string, limit: number): boolean {
  if (pointer.length <= limit) return false;
  let tokens = 0;
  for (let at = pointer.indexOf('/'); at >= 0; at = pointer.indexOf('/', at + 1)) if (++tokens > limit) return true;
  return false;
}

/** An RFC 6901 pointer ('' or '/' for the root), whose `~` only ever starts `~0` or `~1`. */
function isPointer(pointer: string, escaped: boolean): boolean {
  if (pointer !== '' && pointer.charCodeAt(0) !== 0x2f) return false;
  return !escaped || !/~[^01]|~$/.test(pointer);
}

/**
 * Offset of the value (or, for a member, the key) the pointer leads to, walking the valid JSON text;
 * -1 when nothing is there. Tokens are read in place between the pointer's slashes, without splitting
 * it: a finding's lookup would otherwise allocate more than it scans. `plain`: neither the text nor the
 * pointer has an escape, so keys and tokens compare character by character.
 */
function locate(text: string, containers: ContainerIndex | undefined, pointer: string, plain: boolean): number {
  let at = skipWhitespace(text, 0);
  let anchor = at;
  for (let start = 1; start <= pointer.length; ) {
    let end = pointer.indexOf('/', start);
    if (end < 0) end = pointer.length;
    const c = text.charCodeAt(at);
    if (c === 0x7b) {
      anchor = findMember(text, containers, at, pointer, start, end, plain);
      if (anchor < 0) return -1;
      at = valueAfterKey(text, anchor);
    } else if (c === 0x5b) {
      at = anchor = findElement(text, containers, at, arrayIndex(pointer, start, end));
      if (at < 0) return -1;
    } else return -1;
    start = end + 1;
  }
  return anchor;
}

/**
 * The key offset of the last member whose key is the token `pointer[start, end)` (the member that
 * `JSON.parse` keeps), or -1. With `plain`, a match is the last one when the token does not occur
 * anywhere later in the text, which spares scanning the rest of the object.
 */
function findMember(
  text: string,
  containers: ContainerIndex | undefined,
  open: number,
  pointer: string,
  start: number,
  end: number,
  plain: boolean,
): number {
  let found = -1;
  let i = skipWhitespace(text, open + 1);
  while (text.charCodeAt(i) === 0x22) {
    const value = valueAfterKey(text, i);
    if (plain ? plainKeyIs(text, i, pointer, start, end) : JSON.parse(text.slice(i, stringEnd(text, i))) === decodeToken(pointer.slice(start, end))) {
      found = i;
      if (plain && text.indexOf(pointer.slice(start, end), value) < 0) return found;
    }
    i = nextSibling(text, containers, value);
  }
  return found;
}

/**
 * Whether the key quoted at `keyStart` spells pointer[start, end), neither having escapes: without
 * them, the key ends at the first quote after its opening one.
 */
function plainKeyIs(text: string, keyStart: number, pointer: string, start: number, end: number): boolean {
  if (text.charCodeAt(keyStart + 1 + end - start) !== 0x22) return false;
  for (let k = start, at = keyStart + 1; k < end; k++, at++) {
    const c = pointer.charCodeAt(k);
    if (c === 0x22 || text.charCodeAt(at) !== c) return false;
  }
  return true;
}

function decodeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The offset of a member's value, from its key's opening quote. */
function valueAfterKey(text: string, key: number): number {
  KEY.lastIndex = key;
  return KEY.test(text) ? KEY.lastIndex : skipWhitespace(text, skipWhitespace(text, stringEnd(text, key)) + 1);
}

/** The offset of element `wanted` of the array opened at `open`, or -1. */
function findElement(text: string, containers: ContainerIndex | undefined, open: number, wanted: number): number {
  if (wanted < 0) return -1;
  let i = skipWhitespace(text, open + 1);
  if (text.charCodeAt(i) === 0x5d) return -1;
  for (let index = wanted; index > 0; index--) {
    i = nextSibling(text, containers, i);
    if (i >= text.length || text.charCodeAt(i) === 0x5d) return -1;
  }
  return i;
}

/** The array index the token pointer[start, end) means (`0`, or digits without a leading zero), else -1. */
function arrayIndex(pointer: string, start: number, end: number): number {
  if (end === start || (end - start > 1 && pointer.charCodeAt(start) === 0x30)) return -1;
  let index = 0;
  for (let i = start; i < end; i++) {
    const digit = pointer.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}

/** From the start of a value inside a container, the start of the next member/element, or past the close. */
function nextSibling(text: string, containers: ContainerIndex | undefined, value: number): number {
  const c = text.charCodeAt(value);
  let end: number;
  if (c === 0x7b || c === 0x5b) end = (containers ? containers.closeOf(value) : closeOf(text, value)) + 1;
  else {
    SCALAR.lastIndex = value;
    if (SCALAR.test(text)) return SCALAR.lastIndex;
    end = stringEnd(text, value); // a string past the escape bound
  }
  end = skipWhitespace(text, end);
  return text.charCodeAt(end) === 0x2c ? skipWhitespace(text, end + 1) : end;
}
