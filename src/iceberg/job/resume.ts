/**
 * Finishing an interrupted cleanup. Expiration deletes manifest lists last, so after a crash between commit and
 * the end of deletion the previous metadata file (the newest metadata-log entry) still names the expired
 * snapshots and their lists. Re-running reachable cleanup for that transition deletes only files the current
 * metadata cannot reach; files already gone count as deleted.
 */
import type { ManifestReader } from '../cleanup/manifest-reader.js';
import { collectFilePlan, transition } from '../cleanup/collect.js';
import { type CleanupResult, executeFilePlan } from '../cleanup/execute.js';
import type { FilePlan } from '../plan/file-plan.js';
import type { FileIO } from '../io/file-io.js';
import { type LoadedMetadata, loadMetadata } from '../metadata/files.js';
import { isJsonObject } from '../metadata/json.js';
import { expirationProperties } from '../metadata/properties.js';

function previousMetadataFile(current: LoadedMetadata): string | undefined {
  const log = current.doc['metadata-log'];
  if (!Array.isArray(log) || log.length === 0) return undefined;
  const last: unknown = log[log.length - 1];
  return isJsonObject(last) && typeof last['metadata-file'] === 'string' ? last['metadata-file'] : undefined;
}

export interface ResumedCleanup {
  readonly plan: FilePlan;
  /** undefined in a dry run: the plan is reported, not executed. */
  readonly result: CleanupResult | undefined;
}

/** Cleans up after the newest metadata transition if it removed snapshots; undefined when there is nothing to do. */
export async function resumeCleanup(current: LoadedMetadata, io: FileIO, reader: ManifestReader, dryRun: boolean, signal?: AbortSignal): Promise<ResumedCleanup | undefined> {
  if (!expirationProperties(current.view.properties).gcEnabled) return undefined;
  const previousPath = previousMetadataFile(current);
  if (previousPath === undefined) return undefined;
  let previous: LoadedMetadata;
  try {
    previous = await loadMetadata(io, previousPath);
  } catch {
    return undefined; // an old metadata file that is gone or foreign: nothing we can prove, nothing we delete
  }
  const pending = transition(previous.view, current.view);
  const statsGone = pending.statisticsBefore.some((s) => ![...current.view.statistics, ...current.view.partitionStatistics].some((k) => k.path === s.path));
  if (pending.expired.length === 0 && !statsGone) return undefined;
  const plan = await collectFilePlan(pending, reader);
  if (plan.deletions.length === 0) return undefined;
  return { plan, result: dryRun ? undefined : await executeFilePlan(plan, io, { signal }) };
}
