/**
 * Comparing locations the way Iceberg Java's DeleteOrphanFiles does (ToFileURI, FindOrphanFiles): both sides are
 * split into scheme, authority and path; scheme and authority go through the equivalence maps; the join key is the
 * path alone. A listed file whose path matches a referenced path but whose scheme or authority disagrees is a
 * prefix mismatch, which the caller resolves by mode (error, ignore, delete). The original strings are kept:
 * what gets deleted is always exactly what the listing returned.
 */

export type PrefixMismatchMode = 'error' | 'ignore' | 'delete';

export interface Equivalences {
  /** Lower-case scheme → the scheme it counts as (`s3a` → `s3`). */
  readonly schemes: Readonly<Record<string, string>>;
  /** Lower-case authority → the authority it counts as. */
  readonly authorities: Readonly<Record<string, string>>;
}

/** Java's default: s3a and s3n name the same objects as s3; no authority is equal to another. */
export const DEFAULT_EQUIVALENCES: Equivalences = { schemes: { s3a: 's3', s3n: 's3' }, authorities: {} };

export interface SplitLocation {
  /** Lower case, after the map; '' when the location has none (a plain path). */
  readonly scheme: string;
  /** Lower case, after the map; '' when the location has none. */
  readonly authority: string;
  /** Repeated slashes collapsed and a trailing slash dropped, as Hadoop's Path normalises it. */
  readonly path: string;
}

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/]*))?(.*)$/;

function normalisePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

export function splitLocation(location: string, eq: Equivalences = DEFAULT_EQUIVALENCES): SplitLocation {
  const match = URI.exec(location);
  // A one-letter "scheme" is a Windows drive (C:/…), which is a plain path.
  if (match === null || (match[1] as string).length === 1) return { scheme: '', authority: '', path: normalisePath(location) };
  const scheme = (match[1] as string).toLowerCase();
  const authority = (match[2] ?? '').toLowerCase();
  return {
    scheme: eq.schemes[scheme] ?? scheme,
    authority: eq.authorities[authority] ?? authority,
    path: normalisePath(match[3] ?? ''),
  };
}

export type Classification = 'referenced' | 'orphan' | 'mismatch';

/** The referenced locations of a table, indexed by path for the comparison. */
export class ReferencedIndex {
  private readonly byPath = new Map<string, Array<{ scheme: string; authority: string; original: string }>>();
  private count = 0;

  constructor(private readonly eq: Equivalences = DEFAULT_EQUIVALENCES) {}

  get size(): number {
    return this.count;
  }

  add(location: string): void {
    const { scheme, authority, path } = splitLocation(location, this.eq);
    const entries = this.byPath.get(path);
    if (entries === undefined) {
      this.byPath.set(path, [{ scheme, authority, original: location }]);
      this.count += 1;
    } else if (!entries.some((e) => e.scheme === scheme && e.authority === authority)) {
      entries.push({ scheme, authority, original: location });
    }
  }

  /**
   * referenced: some referenced location has this path, and its scheme and authority are empty or equal;
   * mismatch: the path is referenced, but only under another scheme or authority; orphan: the path is not referenced.
   */
  classify(location: string): { kind: Classification; referencedAs?: string } {
    const { scheme, authority, path } = splitLocation(location, this.eq);
    const entries = this.byPath.get(path);
    if (entries === undefined) return { kind: 'orphan' };
    const agrees = (valid: string, actual: string) => valid === '' || valid === actual;
    if (entries.some((e) => agrees(e.scheme, scheme) && agrees(e.authority, authority))) return { kind: 'referenced' };
    return { kind: 'mismatch', referencedAs: (entries[0] as { original: string }).original };
  }
}
