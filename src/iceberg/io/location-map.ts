/**
 * Maps table locations to where the files really are (e.g. `s3a://bucket/t` → `/mnt/t`), without rewriting any
 * file: the metadata keeps its original strings, only I/O is redirected. With any mapping configured the map is
 * strict: a path outside every mapped prefix is refused, so nothing outside them is ever read or deleted.
 */
import { IcebergError } from '../errors.js';

export interface LocationMapping {
  readonly prefix: string;
  readonly target: string;
}

const S3_SCHEMES = ['s3://', 's3a://', 's3n://'];

/** The spellings a prefix can appear under: s3, s3a and s3n name the same object. */
function spellings(prefix: string): string[] {
  const scheme = S3_SCHEMES.find((s) => prefix.startsWith(s));
  if (scheme === undefined) return [prefix];
  const rest = prefix.slice(scheme.length);
  return S3_SCHEMES.map((s) => s + rest);
}

function trimSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

export class LocationMap {
  private readonly entries: Array<{ spelling: string; target: string }>;

  constructor(mappings: readonly LocationMapping[]) {
    this.entries = mappings
      .flatMap((m) => spellings(trimSlash(m.prefix)).map((spelling) => ({ spelling, target: trimSlash(m.target) })))
      .sort((a, b) => b.spelling.length - a.spelling.length);
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The physical location of `path`; refuses unmapped paths when mappings exist. */
  resolve(path: string): string {
    if (this.entries.length === 0) return path;
    for (const { spelling, target } of this.entries) {
      if (path === spelling) return target;
      if (path.startsWith(`${spelling}/`)) return target + path.slice(spelling.length);
    }
    throw new IcebergError('INVALID_INPUT', `path ${path} is outside every mapped location`, { hint: 'add a --map-location prefix=target for it' });
  }
}

export function isS3Path(path: string): boolean {
  return S3_SCHEMES.some((s) => path.startsWith(s));
}
