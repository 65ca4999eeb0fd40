/**
 * One table's orphan removal: load the current metadata, list the location while reading every manifest, plan,
 * and only then delete (or mark). Unsure means delete nothing: an unreadable metadata file, manifest list or
 * manifest, a prefix mismatch under `error`, another table's metadata under the location, or `gc.enabled=false`
 * fails the table before any delete. Right before each delete round the catalog pointer is read again; if a
 * commit moved it, the new metadata's references are added and protect their files.
 */
import { type TableCatalog, type TableIdent, identText } from '../catalog/sql-catalog.js';
import { ManifestReader } from '../cleanup/manifest-reader.js';
import { IcebergError, describeError } from '../errors.js';
import type { FileIO, ListedFile } from '../io/file-io.js';
import { type LoadedMetadata, loadMetadata } from '../metadata/files.js';
import { isJsonObject } from '../metadata/json.js';
import { expirationProperties } from '../metadata/properties.js';
import { deleteOrphans } from './execute.js';
import { type Equivalences, type PrefixMismatchMode, ReferencedIndex } from './locations.js';
import type { OrphanMarks } from './marks.js';
import { type OrphanPlan, planOrphans } from './plan.js';
import { collectReferenced, metadataDirs } from './referenced.js';
import { type OrphanCounts, type OrphanFileLine, type OrphanTableSummary, ZERO_COUNTS, filesPerSecond } from './summary.js';

export interface TableOrphanOptions {
  /** Only files modified strictly before this instant (epoch ms) can go. */
  readonly cutoffMs: number;
  /** The run's instant, for ages and marks. */
  readonly nowMs: number;
  readonly prefixMismatch: PrefixMismatchMode;
  readonly equivalences: Equivalences;
  readonly dryRun: boolean;
  /** Record the orphans as marked (two-phase mode, first phase). */
  readonly mark: boolean;
  /** Delete only orphans marked at least this long ago (second phase); undefined: delete every orphan unless `mark`. */
  readonly deleteMarkedAfterMs: number | undefined;
  /** Paths per FileIO delete call: DeleteObjects batch size times the concurrency. */
  readonly roundSize: number;
}

export interface TableOrphanDeps {
  readonly catalog: TableCatalog;
  readonly io: FileIO;
  /** Needed for the two-phase mode only. */
  readonly marks: OrphanMarks | undefined;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal | undefined;
  readonly clock: () => number;
}

const SHOWN_MISMATCHES = 5;

function partitionFields(doc: Readonly<Record<string, unknown>>): Set<string> {
  const names = new Set<string>();
  const specs = [...(Array.isArray(doc['partition-specs']) ? doc['partition-specs'] : []), { fields: doc['partition-spec'] }];
  for (const spec of specs) {
    const fields = isJsonObject(spec) ? spec['fields'] : undefined;
    if (!Array.isArray(fields)) continue;
    for (const f of fields) if (isJsonObject(f) && typeof f['name'] === 'string') names.add(f['name']);
  }
  return names;
}

async function listAll(io: FileIO, root: string, signal: AbortSignal | undefined): Promise<ListedFile[]> {
  if (io.list === undefined) throw new IcebergError('INTERNAL', 'the file store cannot list files', { subject: root });
  const out: ListedFile[] = [];
  for await (const file of io.list(root, signal)) out.push(file);
  if (signal?.aborted) throw new IcebergError('STOPPED', 'stopped by a signal while listing: nothing was deleted', { hint: 'run again to finish' });
  return out;
}

function refuse(plan: OrphanPlan, options: TableOrphanOptions, name: string): void {
  if (plan.foreignMetadata.length > 0) {
    throw new IcebergError('REFUSED', `the location holds metadata of another table (${plan.foreignMetadata.slice(0, SHOWN_MISMATCHES).join(', ')}), whose files would all look orphaned; nothing was deleted`, { subject: name, hint: 'give each table its own location' });
  }
  if (plan.mismatches.length > 0 && options.prefixMismatch === 'error') {
    const shown = plan.mismatches.slice(0, SHOWN_MISMATCHES).map((m) => `${m.path} (referenced as ${m.referencedAs})`).join(', ');
    const more = plan.mismatches.length > SHOWN_MISMATCHES ? `, … (${plan.mismatches.length} in all)` : '';
    throw new IcebergError('REFUSED', `${plan.mismatches.length} listed file(s) match a referenced path only under another scheme or authority, so nothing was deleted: ${shown}${more}`, {
      subject: name,
      hint: 'if they name the same store, say so with --equal-scheme or --equal-authority; else --prefix-mismatch ignore keeps them, --prefix-mismatch delete removes them',
    });
  }
}

interface Selected {
  readonly toDelete: readonly ListedFile[];
  readonly awaitingMark: number;
  readonly markedAt: ReadonlyMap<string, number>;
}

async function select(ident: TableIdent, orphans: readonly ListedFile[], options: TableOrphanOptions, marks: OrphanMarks | undefined): Promise<Selected> {
  if (options.deleteMarkedAfterMs === undefined) return { toDelete: options.mark ? [] : orphans, awaitingMark: options.mark ? orphans.length : 0, markedAt: new Map() };
  if (marks === undefined) throw new IcebergError('INTERNAL', 'the two-phase mode needs the marks table');
  const markedAt = await marks.read(ident);
  const limit = options.nowMs - options.deleteMarkedAfterMs;
  const toDelete = orphans.filter((o) => (markedAt.get(o.path) ?? Infinity) <= limit);
  return { toDelete, awaitingMark: orphans.length - toDelete.length, markedAt };
}

function lines(files: readonly ListedFile[], nowMs: number, markedAt: ReadonlyMap<string, number>): OrphanFileLine[] {
  return files.map((f) => {
    const mark = markedAt.get(f.path);
    return { path: f.path, sizeBytes: f.sizeBytes, ageMs: nowMs - f.lastModifiedMs, ...(mark !== undefined ? { markedAt: new Date(mark).toISOString() } : {}) };
  });
}

/** The "still an orphan" predicate for the next round, re-reading the pointer first. */
function rechecker(ident: TableIdent, first: LoadedMetadata, index: ReferencedIndex, options: TableOrphanOptions, deps: TableOrphanDeps, reader: ManifestReader, warnings: string[]) {
  let seen = first.location;
  const stillOrphan = (path: string) => {
    const { kind } = index.classify(path);
    return kind === 'orphan' || (kind === 'mismatch' && options.prefixMismatch === 'delete');
  };
  return async (): Promise<(path: string) => boolean> => {
    const pointer = await deps.catalog.loadPointer(ident);
    if (pointer !== seen) {
      const moved = await loadMetadata(deps.io, pointer);
      for (const location of (await collectReferenced(moved, reader)).locations) index.add(location);
      warnings.push(`a commit (${pointer}) landed while cleaning; its files were re-checked before deleting`);
      seen = pointer;
    }
    return stillOrphan;
  };
}

function failed(name: string, started: number, deps: TableOrphanDeps, options: TableOrphanOptions, error: unknown, partial: Partial<OrphanTableSummary> = {}): OrphanTableSummary {
  const code = error instanceof IcebergError ? error.code : 'INTERNAL';
  return {
    table: name, status: code === 'STOPPED' ? 'stopped' : 'failed', dryRun: options.dryRun, location: undefined, metadataLocation: undefined,
    counts: ZERO_COUNTS, filesPerSecond: undefined, deleteMs: 0, durationMs: deps.clock() - started, files: [], prefixMismatches: [], failures: [], warnings: [],
    ...partial,
    // A stop before any delete (the reader's message speaks of commits, which this job never makes).
    error: { code, message: code === 'STOPPED' ? 'stopped by a signal before deleting: nothing was deleted for this table' : describeError(error) },
  };
}

export async function removeTableOrphans(ident: TableIdent, options: TableOrphanOptions, deps: TableOrphanDeps): Promise<OrphanTableSummary> {
  const started = deps.clock();
  const name = identText(ident);
  let partial: Partial<OrphanTableSummary> = {};
  try {
    const meta = await loadMetadata(deps.io, await deps.catalog.loadPointer(ident));
    const root = meta.view.location.replace(/\/+$/, '');
    partial = { location: root, metadataLocation: meta.location };
    if (!expirationProperties(meta.view.properties).gcEnabled) {
      throw new IcebergError('REFUSED', 'gc.enabled is false: files of this table may be shared with another, so none is deleted', { subject: name, hint: 'set gc.enabled=true only if no other table references its files' });
    }
    const reader = new ManifestReader(deps.io, deps.signal);
    const [referenced, listed] = await Promise.all([collectReferenced(meta, reader), listAll(deps.io, root, deps.signal)]);
    const index = new ReferencedIndex(options.equivalences);
    for (const location of referenced.locations) index.add(location);
    const plan = planOrphans({
      root, listed, referenced: index, cutoffMs: options.cutoffMs, prefixMismatch: options.prefixMismatch,
      partitionFields: partitionFields(meta.doc), metadataDirs: metadataDirs(meta),
    });
    deps.log(`${name}: listed ${plan.listed} file(s), ${plan.referenced} referenced, ${plan.orphans.length} orphan(s) older than the cutoff`);
    partial = { ...partial, prefixMismatches: plan.mismatches };
    refuse(plan, options, name);
    const selected = await select(ident, plan.orphans, options, deps.marks);
    let marked = 0;
    if (options.mark && !options.dryRun) {
      if (deps.marks === undefined) throw new IcebergError('INTERNAL', 'the two-phase mode needs the marks table');
      marked = (await deps.marks.record(ident, plan.orphans, options.nowMs)).added;
    }
    const counts: OrphanCounts = {
      ...ZERO_COUNTS,
      listed: plan.listed, referencedLocations: index.size, referenced: plan.referenced, skippedHidden: plan.hidden, skippedTooYoung: plan.tooYoung,
      skippedPrefixMismatch: options.prefixMismatch === 'delete' ? 0 : plan.mismatches.length,
      orphans: plan.orphans.length, orphanBytes: plan.orphans.reduce((n, f) => n + f.sizeBytes, 0), awaitingMark: selected.awaitingMark, marked,
    };
    const base = { table: name, dryRun: options.dryRun, location: root, metadataLocation: meta.location, prefixMismatches: plan.mismatches };
    if (options.dryRun) {
      return { ...base, status: 'planned', counts, filesPerSecond: undefined, deleteMs: 0, durationMs: deps.clock() - started, files: lines(selected.toDelete, options.nowMs, selected.markedAt), failures: [], warnings: [] };
    }
    const warnings: string[] = [];
    const outcome = await deleteOrphans(selected.toDelete, {
      io: deps.io, roundSize: options.roundSize, signal: deps.signal, clock: deps.clock,
      recheck: rechecker(ident, meta, index, options, deps, reader, warnings),
      onRound: (sent, done, total) => deps.log(`${name}: deleting ${sent} file(s) (${done}/${total})`),
    });
    if (deps.marks !== undefined) await deps.marks.forget(ident, outcome.deleted.map((f) => f.path));
    if (outcome.abortedBy !== undefined) warnings.push(`${outcome.abortedBy}: ${outcome.notAttempted.length} orphan(s) left for the next run`);
    const stopped = deps.signal?.aborted === true && outcome.notAttempted.length > 0;
    return {
      ...base,
      status: stopped ? 'stopped' : outcome.abortedBy !== undefined || outcome.failures.length > 0 ? 'failed' : 'cleaned',
      counts: {
        ...counts, deleted: outcome.deleted.length, deletedBytes: outcome.deleted.reduce((n, f) => n + f.sizeBytes, 0),
        deleteFailures: outcome.failures.length, notAttempted: outcome.notAttempted.length, nowReferenced: outcome.nowReferenced.length,
      },
      filesPerSecond: filesPerSecond(outcome.deleted.length, outcome.durationMs),
      deleteMs: outcome.durationMs,
      durationMs: deps.clock() - started,
      files: lines(outcome.deleted, options.nowMs, selected.markedAt),
      failures: outcome.failures,
      warnings,
      ...(outcome.abortedBy !== undefined && !stopped ? { error: { code: 'IO', message: outcome.abortedBy } } : {}),
    };
  } catch (error) {
    return failed(name, started, deps, options, error, partial);
  }
}
