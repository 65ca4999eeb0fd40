/** Avro name rules: full names, namespaces and the spec's name grammar. */

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** A namespace is empty (the null namespace) or dot-separated valid names. */
export function isValidNamespace(namespace: string): boolean {
  return namespace === '' || namespace.split('.').every(isValidName);
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
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}
