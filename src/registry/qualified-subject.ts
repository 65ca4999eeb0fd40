/**
 * Schema contexts in subject names (client/.../utils/QualifiedSubject.java): a subject in context
 * `.staging` is written `:.staging:orders-value`; a subject without the prefix, or with `:.:`, is in
 * the default context `.`. Ids are unique per context. `:*:` is the wildcard prefix that some
 * listings accept to mean every context. Pure functions.
 */
import { RegistryError } from './errors.js';

export const DEFAULT_CONTEXT = '.';
export const CONTEXT_WILDCARD = ':*:';

export interface QualifiedSubject {
  /** `.` for the default context, otherwise `.name`; `*` for the wildcard. */
  readonly context: string;
  /** The subject within its context ('' for a bare context such as `:.staging:`). */
  readonly subject: string;
}

/** Splits `:.ctx:subject` into context and subject, as the registry does. */
export function parseQualifiedSubject(text: string): QualifiedSubject {
  if (text.startsWith(':.')) {
    const end = text.indexOf(':', 2);
    if (end < 0) return { context: text.slice(1), subject: '' };
    return { context: text.slice(1, end), subject: text.slice(end + 1) };
  }
  if (text.startsWith(CONTEXT_WILDCARD)) return { context: '*', subject: text.slice(CONTEXT_WILDCARD.length) };
  return { context: DEFAULT_CONTEXT, subject: text };
}

/** Context names allowed here: `.` then letters, digits, `.`, `_`, `-` (no `:`). */
const CONTEXT_NAME = /^\.[A-Za-z0-9._-]*$/;

/** Normalises `staging`, `.staging` or `:.staging:` to `.staging`; '' and `.` mean the default context. */
export function normalizeContext(context: string): string {
  const bare = context.replace(/^:/, '').replace(/:$/, '');
  const dotted = bare === '' ? DEFAULT_CONTEXT : bare.startsWith('.') ? bare : `.${bare}`;
  if (!CONTEXT_NAME.test(dotted)) {
    throw new RegistryError(`invalid context name '${context}'`, {
      kind: 'invalid-request',
      hint: 'A context name has letters, digits, ".", "_" or "-", e.g. ".staging".',
    });
  }
  return dotted;
}

/** `subject` in `context`; the default context leaves the subject unqualified. */
export function qualifySubject(context: string | undefined, subject: string): string {
  const ctx = normalizeContext(context ?? DEFAULT_CONTEXT);
  return ctx === DEFAULT_CONTEXT ? subject : `:${ctx}:${subject}`;
}

/** The name that addresses a whole context in `/config/{s}` and `/mode/{s}`: `:.ctx:`. */
export function contextSubject(context: string): string {
  return `:${normalizeContext(context)}:`;
}

/** The same subject without the `:.:` form of the default context. */
export function canonicalSubject(text: string): string {
  const { context, subject } = parseQualifiedSubject(text);
  return context === '*' ? text : qualifySubject(context, subject);
}

/** A reference's subject is resolved in the referring subject's context unless it names its own. */
export function resolveReferenceSubject(referrer: string, referenced: string): string {
  if (referenced.startsWith(':.')) return canonicalSubject(referenced);
  return qualifySubject(parseQualifiedSubject(referrer).context, referenced);
}
