import type { NamedSchema } from './model.js';
import { shortName } from './names.js';

/**
 * Up to this many types a scan finds a name sooner than a Map, which hashes it. Past it the Map wins:
 * schemas with many types make many lookups, among names that often have the same length.
 */
const SCAN_LIMIT = 2;

/**
 * The named types one document defines, by full name, while it is parsed. Most documents define one
 * or two: a scan of those finds a name without hashing it. Past two, a Map keyed by short name: a
 * full name is a fresh concatenation, which a Map would flatten and hash on every lookup, while a
 * short name is short and, unless the name was dotted, the very string JSON.parse made.
 */
export class DefinedTypes {
  private readonly types: NamedSchema[] = [];
  private byShortName?: Map<string, NamedSchema[]>;

  /** The type with this full name. */
  get(fullName: string): NamedSchema | undefined {
    if (this.byShortName === undefined) return this.scan(fullName);
    return this.among(this.byShortName.get(shortName(fullName)), fullName);
  }

  /** The type with this full name, whose short part the caller has at hand: no slice to hash. */
  getDeclared(name: string, fullName: string): NamedSchema | undefined {
    if (this.byShortName === undefined) return this.scan(fullName);
    return this.among(this.byShortName.get(name), fullName);
  }

  add(type: NamedSchema): void {
    this.types.push(type);
    if (this.byShortName !== undefined) this.index(type);
    else if (this.types.length > SCAN_LIMIT) {
      this.byShortName = new Map();
      for (const known of this.types) this.index(known);
    }
  }

  /** A new Map of the types by full name, in definition order. */
  toMap(): Map<string, NamedSchema> {
    const map = new Map<string, NamedSchema>();
    for (const type of this.types) map.set(type.fullName, type);
    return map;
  }

  private scan(fullName: string): NamedSchema | undefined {
    for (const type of this.types) if (type.fullName === fullName) return type;
    return undefined;
  }

  private among(candidates: readonly NamedSchema[] | undefined, fullName: string): NamedSchema | undefined {
    if (candidates !== undefined) for (const type of candidates) if (type.fullName === fullName) return type;
    return undefined;
  }

  private index(type: NamedSchema): void {
    const same = this.byShortName!.get(type.name);
    if (same) same.push(type);
    else this.byShortName!.set(type.name, [type]);
  }
}
