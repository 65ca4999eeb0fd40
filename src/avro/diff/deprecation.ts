import type { Deprecation } from './types.js';

/** Anything that can carry a deprecation marker: a field or a named type. */
export interface Annotated {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly doc?: string;
}

/** `@deprecated` as the doc's first word, then an optional separator and the reason. */
const DOC_MARKER = /^\s*@deprecated(?![\w-])[\s:.-]*([\s\S]*)$/;

/**
 * Reads a deprecation marker (issue 4 §5): `"deprecated": true`, `"deprecated": "<reason>"`, or a doc
 * starting with `@deprecated` (the linkedin/avro-util convention). The reason is the attribute's string,
 * else the doc's text after the tag. `"deprecated": false` is no marker, but a `@deprecated` doc still is.
 */
export function deprecationOf(node: Annotated): Deprecation {
  const marker = node.attributes.deprecated;
  const docReason = reasonFromDoc(node.doc);
  if (typeof marker === 'string') return withReason(marker.trim() || docReason);
  if (marker === true || docReason !== undefined) return withReason(docReason);
  return { deprecated: false };
}

/** The doc's text after `@deprecated` ('' when there is none), or undefined when the doc has no marker. */
function reasonFromDoc(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  const match = DOC_MARKER.exec(doc);
  return match ? (match[1] ?? '').replace(/\s+/g, ' ').trim() : undefined;
}

function withReason(reason: string | undefined): Deprecation {
  return reason ? { deprecated: true, reason } : { deprecated: true };
}
