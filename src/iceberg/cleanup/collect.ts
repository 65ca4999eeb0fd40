/**
 * Gathers the facts reachable cleanup needs (I/O) and hands them to the pure planner. Any unreadable manifest list
 * or manifest of a RETAINED snapshot aborts with UNREADABLE: the caller then deletes nothing (and commits nothing
 * when this runs before the commit).
 */
import { IcebergError, isStopped } from '../errors.js';
import { mapWithConcurrency } from '../io/file-io.js';
import type { LiveFile, ManifestFileRef } from '../metadata/manifests.js';
import type { SnapshotView, StatisticsFileView, TableMetadataView } from '../metadata/table-metadata.js';
import { type CleanupFacts, type ExpiredSnapshotFacts, type FilePlan, computeFilePlan, sameObjectKey } from '../plan/file-plan.js';
import type { ManifestReader } from './manifest-reader.js';

const READ_CONCURRENCY = 16;

async function manifestsOf(snapshot: SnapshotView, reader: ManifestReader): Promise<{ refs: readonly ManifestFileRef[]; bytes: number | undefined }> {
  if (snapshot.manifestList !== undefined) {
    const read = await reader.manifestList(snapshot.manifestList);
    return { refs: read.manifests, bytes: read.bytes };
  }
  return { refs: (snapshot.manifests ?? []).map((path) => ({ path, length: 0, content: 0, specId: undefined })), bytes: undefined };
}

async function retainedFacts(snapshots: readonly SnapshotView[], reader: ManifestReader): Promise<Set<string>> {
  const manifests = new Set<string>();
  await mapWithConcurrency(snapshots, READ_CONCURRENCY, async (s) => {
    try {
      for (const m of (await manifestsOf(s, reader)).refs) manifests.add(m.path);
    } catch (cause) {
      if (isStopped(cause)) throw cause;
      throw new IcebergError('UNREADABLE', `manifest list of kept snapshot ${s.id} cannot be read, so nothing will be deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'restore the file or repair the table first', cause });
    }
  });
  return manifests;
}

async function expiredFacts(snapshots: readonly SnapshotView[], reader: ManifestReader): Promise<ExpiredSnapshotFacts[]> {
  return mapWithConcurrency(snapshots, READ_CONCURRENCY, async (s): Promise<ExpiredSnapshotFacts> => {
    try {
      const read = await manifestsOf(s, reader);
      return { snapshotId: s.id, manifestList: s.manifestList, manifestListBytes: read.bytes, manifests: read.refs };
    } catch (cause) {
      if (isStopped(cause)) throw cause; // a stop is no missing file: hiding candidates would orphan them for good
      // An expired snapshot's list that is already gone (or broken) only hides candidates: orphans, never data loss.
      return { snapshotId: s.id, manifestList: s.manifestList, manifestListBytes: undefined, manifests: undefined };
    }
  });
}

async function liveFilesOf(paths: readonly string[], reader: ManifestReader, mustRead: boolean): Promise<Map<string, readonly LiveFile[]>> {
  const out = new Map<string, readonly LiveFile[]>();
  await mapWithConcurrency(paths, READ_CONCURRENCY, async (path) => {
    try {
      out.set(path, await reader.liveFiles(path));
    } catch (cause) {
      if (isStopped(cause)) throw cause;
      if (mustRead) {
        throw new IcebergError('UNREADABLE', `manifest ${path} of a kept snapshot cannot be read, so nothing will be deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'restore the file or repair the table first', cause });
      }
    }
  });
  return out;
}

export interface CleanupInput {
  /** Snapshots that are gone (present before, absent after). */
  readonly expired: readonly SnapshotView[];
  readonly after: TableMetadataView;
  readonly statisticsBefore: readonly StatisticsFileView[];
}

function protectedRoots(meta: TableMetadataView): string[] {
  const keys = ['write.data.path', 'write.metadata.path', 'write.object-storage.path', 'write.folder-storage.path'];
  return [meta.location, ...keys.map((k) => meta.properties[k]).filter((v): v is string => v !== undefined)];
}

/** Reads what is needed and returns the deletion plan; throws UNREADABLE when a kept snapshot cannot be read. */
export async function collectFilePlan(input: CleanupInput, reader: ManifestReader): Promise<FilePlan> {
  const [retainedManifests, expired] = await Promise.all([retainedFacts(input.after.snapshots, reader), expiredFacts(input.expired, reader)]);
  const candidates = new Set<string>();
  const kept = new Set([...retainedManifests].map(sameObjectKey));
  const seen = new Set<string>(); // expired lists repeat paths thousands of times: normalise each path once
  for (const s of expired) {
    for (const m of s.manifests ?? []) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      if (!kept.has(sameObjectKey(m.path))) candidates.add(m.path);
    }
  }
  const [keptLive, cand] = await Promise.all([liveFilesOf([...retainedManifests], reader, true), liveFilesOf([...candidates], reader, false)]);
  const facts: CleanupFacts = {
    expired,
    retainedManifests,
    retainedManifestLists: new Set(input.after.snapshots.map((s) => s.manifestList).filter((p): p is string => p !== undefined)),
    liveFiles: new Map([...keptLive, ...cand]),
    statisticsBefore: input.statisticsBefore,
    statisticsAfter: [...input.after.statistics, ...input.after.partitionStatistics],
    protectedRoots: protectedRoots(input.after),
  };
  return computeFilePlan(facts);
}

/** The cleanup input for a transition from `before` to `after` metadata. */
export function transition(before: TableMetadataView, after: TableMetadataView): CleanupInput {
  const remaining = new Set(after.snapshots.map((s) => s.id));
  return {
    expired: before.snapshots.filter((s) => !remaining.has(s.id)),
    after,
    statisticsBefore: [...before.statistics, ...before.partitionStatistics],
  };
}
