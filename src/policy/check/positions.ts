/** Maps engine nodes and errors to report positions: file, line, column and a line excerpt. */
import type { SchemaError } from '../../avro/errors.js';
import type { JsonDocument } from '../../avro/json-document.js';
import { nearestPosition } from '../../avro/load.js';
import type { SourceRef } from '../../avro/model.js';
import type { Excerpt, Position } from '../report/model.js';

/** Longest excerpt kept; a minified schema is one very long line. */
const EXCERPT_WIDTH = 160;
const EXCERPT_LEAD = 60;

/** The documents a candidate was parsed from (it and the files defining its referenced types), by file label. */
export interface CandidateDocuments {
  /** The candidate's own file label. */
  readonly file: string;
  readonly documents: ReadonlyMap<string, JsonDocument>;
  /** Set when the candidate is a committed version (audits). */
  readonly commit?: string;
}

/**
 * Where a node of the candidate is. A node from another document (a history version) has no place
 * in the candidate's text, so the candidate's top-level position stands in for it.
 */
export function positionOfNode(candidate: CandidateDocuments, node: SourceRef | undefined): Position {
  const own = node?.file !== undefined ? candidate.documents.get(node.file) : undefined;
  const file = own && node?.file !== undefined ? node.file : candidate.file;
  const document = own ?? candidate.documents.get(candidate.file);
  const at = document ? nearestPosition(document, own && node ? node.pointer : '') : undefined;
  return withCommit(candidate.commit, {
    file,
    ...(at && { line: at.line, column: at.column, excerpt: excerptOf(document?.lineText(at.line) ?? '', at.column) }),
  });
}

/** The position a SchemaError names, with an excerpt when the text is at hand. */
export function positionOfError(error: SchemaError, fallbackFile: string, text: string | undefined): Position {
  const file = error.file ?? fallbackFile;
  if (error.line === undefined) return { file };
  const column = error.column ?? 1;
  const line = text === undefined ? undefined : lineOfText(text, error.line);
  return { file, line: error.line, column, ...(line !== undefined && { excerpt: excerptOf(line, column) }) };
}

/** Cuts a long line around the column; the caret column is adjusted to the cut text. */
export function excerptOf(line: string, column: number): Excerpt {
  const expanded = line.replace(/\t/g, ' ');
  if (expanded.length <= EXCERPT_WIDTH) return { text: detached(expanded), column };
  const start = Math.max(0, Math.min(column - 1 - EXCERPT_LEAD, expanded.length - EXCERPT_WIDTH));
  const prefix = start > 0 ? '…' : '';
  const end = start + EXCERPT_WIDTH;
  const suffix = end < expanded.length ? '…' : '';
  return { text: detached(`${prefix}${expanded.slice(start, end)}${suffix}`), column: column - start + prefix.length };
}

/**
 * A copy of a short string that does not hold on to the text it was cut from: V8 keeps a slice as a
 * view of its whole parent, so an audit's report would otherwise keep every version's text alive.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** The text of a 1-based line (LF, CRLF or CR breaks); '' past the end. */
export function lineOfText(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = nextBreak(text, start);
    if (next < 0) return '';
    start = next + (text.startsWith('\r\n', next) ? 2 : 1);
  }
  const end = nextBreak(text, start);
  return text.slice(start, end < 0 ? text.length : end);
}

function nextBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}

function withCommit(commit: string | undefined, position: Position): Position {
  return commit === undefined ? position : { ...position, commit };
}
