import type { NamedSchema } from './model.js';

/**
 * Up to this many types a scan finds a name sooner than a Map, which hashes it. Past it the Map wins:
 * schemas with many types make many lookups, among names that often have the same length.
 */
const SCAN_LIMIT = 2;

/**
 * The named types one document defines, by full name, while it is parsed. Most documents define one
 * or two: a scan of those finds a name without hashing it (full names are fresh concatenations, so a
 * Map would flatten and hash every one); past two, a Map.
 */
export class DefinedTypes {
  private readonly types: NamedSchema[] = [];
  private byName?: Map<string, NamedSchema>;

  get(fullName: string): NamedSchema | undefined {
    if (this.byName !== undefined) return this.byName.get(fullName);
    for (const type of this.types) if (type.fullName === fullName) return type;
    return undefined;
  }

  add(type: NamedSchema): void {
    this.types.push(type);
    if (this.byName !== undefined) this.byName.set(type.fullName, type);
    else if (this.types.length > SCAN_LIMIT) this.byName = this.toMap();
  }

  /** A new Map of the types in definition order. */
  toMap(): Map<string, NamedSchema> {
    const map = new Map<string, NamedSchema>();
    for (const type of this.types) map.set(type.fullName, type);
    return map;
  }
}
