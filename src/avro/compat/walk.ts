/**
 * The mutable state of one reader/writer check: the location stack, the memo of named-type pairs,
 * and the construction of findings. Kept apart from the rules so that the rules read like the spec.
 */
import type { Field, RecordSchema, Schema, SourceRef } from '../model.js';
import { escapePointerToken } from '../names.js';
import type { CheckFailure, Incompatibility, IncompatibilityType } from './types.js';

/** What a sub-check returns: its findings in traversal order; empty means compatible. */
export type Findings = readonly Incompatibility[];

export const COMPATIBLE: Findings = Object.freeze([]);

/** Memo marker for a pair whose check is on the stack (a recursive type). */
const IN_PROGRESS = null;

type Token = string | number;

/** Up to this many named pairs, a scan of the memo beats hashing. */
const MEMO_SCAN_LIMIT = 16;

export class Walk {
  /** Reference tokens from the outermost root; numbers are field positions and branch indexes. */
  private readonly path: Token[] = [];
  /** Index in `path` of the root token of the current location context. */
  private base = 0;
  /** The memo of named pairs, flat while small: most checks meet a handful of named pairs. */
  private readonly memoReaders: Schema[] = [];
  private readonly memoWriters: Schema[] = [];
  private readonly memoFindings: (Findings | typeof IN_PROGRESS)[] = [];
  /** The same memo by reader, then writer, once it outgrows a scan. */
  private memo?: Map<Schema, Map<Schema, number>>;
  /**
   * Name indexes of large records, for this check only: a module-wide WeakMap would outlive it, and
   * V8's young-generation collector keeps a WeakMap's dead keys (whole schemas) alive, which made
   * every scavenge of a long run of checks several times slower.
   */
  private fieldIndexes?: Map<RecordSchema, ReadonlyMap<string, Field>>;

  enter(token: Token): void {
    this.path.push(token);
  }

  leave(): void {
    this.path.pop();
  }

  /**
   * Avro Java checks union branches through a call that starts a new location stack, so findings
   * made below it are relative to that branch. Returns the state to give back to `closeRoot`.
   */
  openRoot(): number {
    const saved = this.base;
    this.base = this.path.length;
    return saved;
  }

  closeRoot(saved: number): void {
    this.base = saved;
  }

  /** The memoised findings of a pair: undefined if never seen, COMPATIBLE while it is in progress. */
  recall(reader: Schema, writer: Schema): Findings | undefined {
    const at = this.indexOf(reader, writer);
    if (at < 0) return undefined;
    const found = this.memoFindings[at];
    return found === IN_PROGRESS ? COMPATIBLE : found;
  }

  markInProgress(reader: Schema, writer: Schema): void {
    this.remember(reader, writer, IN_PROGRESS);
  }

  remember(reader: Schema, writer: Schema, findings: Findings | typeof IN_PROGRESS): void {
    const at = this.indexOf(reader, writer);
    if (at >= 0) {
      this.memoFindings[at] = findings;
      return;
    }
    this.memoReaders.push(reader);
    this.memoWriters.push(writer);
    this.memoFindings.push(findings);
    if (this.memo !== undefined) this.index(this.memoReaders.length - 1);
    else if (this.memoReaders.length > MEMO_SCAN_LIMIT) {
      this.memo = new Map();
      for (let i = 0; i < this.memoReaders.length; i++) this.index(i);
    }
  }

  private indexOf(reader: Schema, writer: Schema): number {
    if (this.memo !== undefined) return this.memo.get(reader)?.get(writer) ?? -1;
    for (let i = 0; i < this.memoReaders.length; i++) {
      if (this.memoReaders[i] === reader && this.memoWriters[i] === writer) return i;
    }
    return -1;
  }

  private index(at: number): void {
    const reader = this.memoReaders[at]!;
    let byWriter = this.memo!.get(reader);
    if (byWriter === undefined) {
      byWriter = new Map();
      this.memo!.set(reader, byWriter);
    }
    byWriter.set(this.memoWriters[at]!, at);
  }

  /** The fields of `record` by name; the first of a name wins, as Avro Java's field map keeps it. */
  fieldsByName(record: RecordSchema): ReadonlyMap<string, Field> {
    this.fieldIndexes ??= new Map();
    let index = this.fieldIndexes.get(record);
    if (index === undefined) {
      const built = new Map<string, Field>();
      for (const field of record.fields) if (!built.has(field.name)) built.set(field.name, field);
      this.fieldIndexes.set(record, built);
      index = built;
    }
    return index;
  }

  /** A finding at the current location. */
  finding(type: IncompatibilityType, reader: SourceRef, writer: SourceRef, message: string): Incompatibility {
    return { type, location: this.location(), message, readerNode: sourceRef(reader), writerNode: sourceRef(writer) };
  }

  failure(message: string, reader: SourceRef, writer: SourceRef): CheckFailure {
    return {
      code: 'AMBIGUOUS_FIELD_MATCH',
      message,
      location: this.location(),
      readerNode: sourceRef(reader),
      writerNode: sourceRef(writer),
    };
  }

  /** Avro Java's `getLocation()`: the tokens after the context's root, JSON-pointer escaped. */
  private location(): string {
    let text = '/';
    for (let i = this.base + 1; i < this.path.length; i++) {
      if (i > this.base + 1) text += '/';
      text += escapePointerToken(this.path[i]!);
    }
    return text;
  }
}

/** A plain copy, so findings never hold (possibly cyclic) schema nodes. */
function sourceRef(node: SourceRef): SourceRef {
  return node.file === undefined ? { pointer: node.pointer } : { pointer: node.pointer, file: node.file };
}
