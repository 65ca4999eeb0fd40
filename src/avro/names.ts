/** Avro name rules: full names, namespaces and the name grammar Avro Java enforces. */

/**
 * How names are validated. `strict` refuses what Avro Java's default `Schema.Parser` refuses (and so
 * what the registry refuses on registration); `lenient` accepts any name, as the registry reads the
 * schemas it already stores (`NameValidator.NO_VALIDATION`).
 */
export type NameValidation = 'strict' | 'lenient';

// Avro Java's UTF_VALIDATOR tests each UTF-16 unit with Character.isLetter / isLetterOrDigit, so a
// letter outside the BMP (a surrogate pair) is refused, as it is here: `u` patterns never match a lone surrogate.
const FIRST = /^[\p{L}_]$/u;
const REST = /^[\p{L}\p{Nd}_]$/u;

/**
 * Why Avro Java refuses `name` as a name (record, enum and fixed short names, their aliases, field
 * names, enum symbols), or undefined when it accepts it. Namespaces are never validated by Avro Java.
 */
export function nameProblem(name: string): string | undefined {
  if (isAsciiName(name)) return undefined;
  if (name === '') return 'it is empty';
  for (let i = 0; i < name.length; i++) {
    const unit = name[i] as string;
    if (!(i === 0 ? FIRST : REST).test(unit)) {
      const shown = /[\p{Cc}\p{Cs}\p{Z}]/u.test(unit) ? `U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${unit}"`;
      return i === 0 ? `it starts with ${shown}` : `it contains ${shown}`;
    }
  }
  return undefined;
}

/** `[A-Za-z_][A-Za-z0-9_]*`, what most names are, tested without a regular expression call. */
function isAsciiName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (!letter && (i === 0 || c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/**
 * Splits a declared name into namespace and short name. A dotted name carries its own namespace;
 * otherwise the explicit `namespace` attribute wins, then the enclosing one.
 */
export function resolveName(
  declared: string,
  explicitNamespace: string | undefined,
  enclosingNamespace: string,
): { fullName: string; name: string; namespace: string } {
  const dot = declared.lastIndexOf('.');
  if (dot >= 0) {
    return { fullName: declared, name: declared.slice(dot + 1), namespace: declared.slice(0, dot) };
  }
  const namespace = explicitNamespace ?? enclosingNamespace;
  return { fullName: namespace ? `${namespace}.${declared}` : declared, name: declared, namespace };
}

/** The full name a reference (or alias) means, relative to a namespace. */
export function qualify(reference: string, namespace: string): string {
  return reference.includes('.') || !namespace ? reference : `${namespace}.${reference}`;
}

/** The unqualified part of a full name. */
export function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** RFC 6901 escaping of one pointer token. */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Location tokens are grammar words and positions, and Avro names cannot hold either character.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
