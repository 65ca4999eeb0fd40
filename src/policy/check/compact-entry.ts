/**
 * Report entries kept for the whole of an audit, made small: a copy whose strings are shared between
 * entries (an audit repeats commit ids, dates, paths, messages and excerpts across subjects) and are
 * real copies, since V8 keeps a cut-out string as a view of its whole parent, so an entry would
 * otherwise keep every version's text and git's output alive.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** A copy of plain data (objects, arrays, primitives) with every string taken from the pool; other objects (an Evolution) are kept as they are. */
  compact<T>(value: T): T {
    return this.copy(value) as T;
  }

  private copy(value: unknown): unknown {
    if (typeof value === 'string') return this.intern(value);
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[this.intern(key)] = this.copy(item);
    return out;
  }

  private intern(text: string): string {
    let pooled = this.strings.get(text);
    if (pooled === undefined) {
      // Concatenation then a flattening slice: a string of its own, not a view of a larger one.
      pooled = ` ${text}`.slice(1);
      this.strings.set(pooled, pooled);
    }
    return pooled;
  }
}
