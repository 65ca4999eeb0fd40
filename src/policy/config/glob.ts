/**
 * A small glob matcher for repository-relative paths (`/`-separated), so the config needs no
 * dependency and behaves the same on Node 20 (which lacks `path.matchesGlob`).
 *
 * Syntax: `*` any run of characters except `/`; `?` one character except `/`; `**` as a whole
 * segment any number of segments (zero included), so `schemas/**\/*.avsc` also matches
 * `schemas/a.avsc`; `{a,b}` alternatives (nestable); `\` escapes the next character. A pattern
 * matches the whole path; a leading `/` or `./` is ignored. Character classes (`[...]`) are not
 * supported and rejected, so a pattern never silently means something else.
 */

/** A pattern that cannot be compiled; `problem` says why, without the pattern. */
export class GlobError extends Error {
  override readonly name = 'GlobError';
  constructor(
    readonly pattern: string,
    readonly problem: string,
  ) {
    super(`invalid glob ${JSON.stringify(pattern)}: ${problem}`);
  }
}

export type GlobMatcher = (path: string) => boolean;

/** Compiles a glob; throws GlobError when it is malformed. */
export function compileGlob(pattern: string): GlobMatcher {
  const regex = globToRegExp(pattern);
  return (path) => regex.test(normalisePath(path));
}

/** The anchored regular expression a glob stands for. */
export function globToRegExp(pattern: string): RegExp {
  const body = stripPrefix(pattern);
  if (body === '') throw new GlobError(pattern, 'it is empty; write a path such as schemas/**/*.avsc');
  const parser = new GlobParser(pattern, body);
  const source = parser.sequence(false);
  return new RegExp(`^${source}$`, 'u');
}

/** Makes a path comparable with patterns: forward slashes, no leading `./`. */
export function normalisePath(path: string): string {
  return stripPrefix(path.replace(/\\/g, '/'));
}

function stripPrefix(text: string): string {
  return text.replace(/^(\.\/|\/)+/, '');
}

class GlobParser {
  private at = 0;

  constructor(
    private readonly pattern: string,
    private readonly text: string,
  ) {}

  /** Regex source up to the end, or inside braces up to the next `,` or `}`. */
  sequence(inBraces: boolean): string {
    let out = '';
    while (this.at < this.text.length) {
      const c = this.text.charAt(this.at);
      if (inBraces && (c === ',' || c === '}')) return out;
      out += this.token(c);
    }
    if (inBraces) throw new GlobError(this.pattern, "a '{' has no matching '}'");
    return out;
  }

  private token(c: string): string {
    switch (c) {
      case '*':
        return this.star();
      case '?':
        this.at++;
        return '[^/]';
      case '{':
        return this.braces();
      case '}':
        throw new GlobError(this.pattern, "a '}' has no matching '{'");
      case '[':
      case ']':
        throw new GlobError(this.pattern, 'character classes ([...]) are not supported; use {a,b} alternatives');
      case '\\':
        return this.escaped();
      default:
        this.at++;
        return escapeRegex(c);
    }
  }

  private star(): string {
    const start = this.at;
    while (this.text.charAt(this.at) === '*') this.at++;
    const run = this.at - start;
    const before = this.text.charAt(start - 1);
    const after = this.text.charAt(this.at);
    const segmentStart = start === 0 || before === '/' || before === '{' || before === ',';
    if (run < 2 || !segmentStart) return '[^/]*';
    if (after === '/') {
      this.at++;
      return '(?:[^/]*/)*';
    }
    if (after === '' || after === ',' || after === '}') return '.*';
    return '[^/]*';
  }

  private braces(): string {
    this.at++;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(true));
      const c = this.text.charAt(this.at);
      this.at++;
      if (c === '}') break;
    }
    return `(?:${alternatives.join('|')})`;
  }

  private escaped(): string {
    const next = this.text.charAt(this.at + 1);
    if (next === '') throw new GlobError(this.pattern, "it ends with a lone '\\'");
    this.at += 2;
    return escapeRegex(next);
  }
}

function escapeRegex(c: string): string {
  // Only syntax characters may be escaped under the `u` flag.
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
