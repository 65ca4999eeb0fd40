/**
 * Reachable file cleanup as a pure set difference (Iceberg Java ReachableFileCleanup): a file goes only when no
 * retained snapshot can reach it. Inputs are facts already read; the collector guarantees that every manifest
 * list and manifest of a retained snapshot was readable, otherwise no plan exists at all.
 */
import type { ContentKind, LiveFile, ManifestFileRef } from '../metadata/manifests.js';
import type { StatisticsFileView } from '../metadata/table-metadata.js';

export interface ExpiredSnapshotFacts {
  readonly snapshotId: string;
  /** The manifest list file, when the snapshot has one (v1 snapshots may inline their manifests). */
  readonly manifestList: string | undefined;
  readonly manifestListBytes: number | undefined;
  /** undefined when the list could not be read: its manifests stay (orphans at worst, never data loss). */
  readonly manifests: readonly ManifestFileRef[] | undefined;
}

export interface CleanupFacts {
  readonly expired: readonly ExpiredSnapshotFacts[];
  /** Every manifest path a retained snapshot lists. */
  readonly retainedManifests: ReadonlySet<string>;
  readonly retainedManifestLists: ReadonlySet<string>;
  /** Live files per manifest, for candidate and retained manifests. Missing key = manifest not readable. */
  readonly liveFiles: ReadonlyMap<string, readonly LiveFile[]>;
  readonly statisticsBefore: readonly StatisticsFileView[];
  readonly statisticsAfter: readonly StatisticsFileView[];
  /** Roots files may be deleted under (table location, write.data.path, write.metadata.path). */
  readonly protectedRoots: readonly string[];
}

/** `metadata-files`: old metadata JSON files a commit trimmed from the log (write.metadata.delete-after-commit.enabled). */
export type FileKind = ContentKind | 'deletion-vectors' | 'manifests' | 'manifest-lists' | 'statistics' | 'metadata-files';

export interface PlannedDeletion {
  readonly path: string;
  readonly kind: FileKind;
  readonly sizeBytes: number;
}

export interface FilePlan {
  readonly version: 1;
  /** In deletion order: content files, then manifests, then manifest lists, then statistics files. */
  readonly deletions: readonly PlannedDeletion[];
  /** Things deliberately left in place, one line each. */
  readonly warnings: readonly string[];
}

const S3_SPELLING = /^s3[an]?:\/\//;

function normalise(path: string): string {
  return path.replace(S3_SPELLING, 's3://');
}

/** Key under which two spellings of the same object (s3://, s3a://, s3n://) compare equal. */
export const sameObjectKey = normalise;

function isUnder(path: string, roots: readonly string[]): boolean {
  const p = normalise(path);
  return roots.some((root) => {
    const r = normalise(root).replace(/\/+$/, '');
    return p.startsWith(`${r}/`);
  });
}

function contentKind(file: LiveFile): FileKind {
  return file.format === 'puffin' ? 'deletion-vectors' : file.kind;
}

/** The same object can be spelled s3://, s3a:// or s3n://; keep-sets compare the normalised spelling. */
function normalisedSet(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) out.add(normalise(p));
  return out;
}

function candidateManifests(facts: CleanupFacts, keptManifests: ReadonlySet<string>): Map<string, number> {
  const candidates = new Map<string, number>();
  const kept = new Set<string>(); // expired lists repeat paths thousands of times: normalise each path once
  for (const snapshot of facts.expired) {
    for (const m of snapshot.manifests ?? []) {
      if (kept.has(m.path)) continue;
      if (candidates.has(m.path) || !keptManifests.has(normalise(m.path))) candidates.set(m.path, m.length);
      else kept.add(m.path);
    }
  }
  return candidates;
}

function contentDeletions(facts: CleanupFacts, manifests: readonly string[]): PlannedDeletion[] {
  const retainedLive = new Set<string>();
  for (const m of facts.retainedManifests) for (const f of facts.liveFiles.get(m) ?? []) retainedLive.add(normalise(f.path));
  const out = new Map<string, PlannedDeletion>();
  for (const m of manifests) {
    for (const f of facts.liveFiles.get(m) ?? []) {
      const key = normalise(f.path);
      if (!retainedLive.has(key) && !out.has(key)) out.set(key, { path: f.path, kind: contentKind(f), sizeBytes: f.sizeBytes });
    }
  }
  return [...out.values()];
}

export function computeFilePlan(facts: CleanupFacts): FilePlan {
  const warnings: string[] = [];
  const keptManifests = normalisedSet(facts.retainedManifests);
  const keptLists = normalisedSet(facts.retainedManifestLists);
  const candidates = candidateManifests(facts, keptManifests);
  const readable = [...candidates.keys()].filter((m) => {
    if (facts.liveFiles.has(m)) return true;
    warnings.push(`kept unreadable manifest ${m} (its files cannot be listed)`);
    return false;
  });
  const lists = facts.expired.filter((s) => s.manifestList !== undefined && !keptLists.has(normalise(s.manifestList)));
  for (const s of facts.expired) {
    if (s.manifests === undefined && s.manifestList !== undefined) warnings.push(`manifest list ${s.manifestList} of expired snapshot ${s.snapshotId} was unreadable; its manifests are left in place`);
  }
  const keptStats = normalisedSet(facts.statisticsAfter.map((s) => s.path));
  const stats = new Map<string, number>();
  for (const s of facts.statisticsBefore) if (!keptStats.has(normalise(s.path))) stats.set(s.path, s.sizeBytes ?? 0);

  const all: PlannedDeletion[] = [
    ...contentDeletions(facts, readable),
    ...readable.map((path) => ({ path, kind: 'manifests' as const, sizeBytes: candidates.get(path) ?? 0 })),
    ...lists.map((s) => ({ path: s.manifestList as string, kind: 'manifest-lists' as const, sizeBytes: s.manifestListBytes ?? 0 })),
    ...[...stats].map(([path, sizeBytes]) => ({ path, kind: 'statistics' as const, sizeBytes })),
  ];
  const deletions = all.filter((d) => {
    if (isUnder(d.path, facts.protectedRoots)) return true;
    warnings.push(`kept ${d.path}: outside the table's locations`);
    return false;
  });
  return { version: 1, deletions, warnings };
}

/** Count and bytes per kind, every kind present (zero when none). */
export function summariseDeletions(deletions: readonly PlannedDeletion[]): Record<FileKind, { count: number; bytes: number }> {
  const kinds: FileKind[] = ['data', 'position-deletes', 'equality-deletes', 'deletion-vectors', 'manifests', 'manifest-lists', 'statistics', 'metadata-files'];
  const out = Object.fromEntries(kinds.map((k) => [k, { count: 0, bytes: 0 }])) as Record<FileKind, { count: number; bytes: number }>;
  for (const d of deletions) {
    out[d.kind].count += 1;
    out[d.kind].bytes += d.sizeBytes;
  }
  return out;
}
