/**
 * Path segments for the registry's REST API. Subjects may contain `/`, `?`, `#`, `%` or spaces and
 * start with a context (`:.ctx:`), so each one is percent-encoded as a single segment; `:` and `@`
 * are legal in a segment (RFC 3986 pchar) and stay readable, as in Confluent's Java client.
 */
import { RegistryError } from './errors.js';

/**
 * Encodes one path segment. `.` and `..` cannot be sent at all: URL parsing (WHATWG, as in axios,
 * and on the server) removes them even when percent-encoded.
 */
export function encodeSegment(value: string): string {
  if (value === '.' || value === '..') {
    throw new RegistryError(`subject '${value}' cannot be addressed in a URL path`, {
      kind: 'invalid-request',
      hint: 'Rename the subject; "." and ".." are removed from URL paths by every HTTP stack.',
    });
  }
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/g, '@');
}

/** A version path segment: a positive integer or `latest`. */
export type VersionRef = number | 'latest';

export function versionSegment(version: VersionRef): string {
  return version === 'latest' ? 'latest' : String(version);
}

export const paths = {
  subjects: () => '/subjects',
  subject: (subject: string) => `/subjects/${encodeSegment(subject)}`,
  versions: (subject: string) => `/subjects/${encodeSegment(subject)}/versions`,
  version: (subject: string, version: VersionRef) =>
    `/subjects/${encodeSegment(subject)}/versions/${versionSegment(version)}`,
  schemas: () => '/schemas',
  schemaById: (id: number) => `/schemas/ids/${id}`,
  compatibility: (subject: string) => `/compatibility/subjects/${encodeSegment(subject)}/versions`,
  compatibilityWith: (subject: string, version: VersionRef) =>
    `/compatibility/subjects/${encodeSegment(subject)}/versions/${versionSegment(version)}`,
  config: (subject?: string) => (subject === undefined ? '/config' : `/config/${encodeSegment(subject)}`),
  mode: (subject?: string) => (subject === undefined ? '/mode' : `/mode/${encodeSegment(subject)}`),
  contexts: () => '/contexts',
} as const;
