/** The metrics of `guardrails backup`, from its typed result and the files it wrote. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupJobResult } from '../../backup/index.js';
import { sample, type JobSample } from '../../scheduler/job-metric-catalogue.js';

/** `requests`: the attempts the run sent to the registry, retries included. */
export async function backupMetrics(result: BackupJobResult, requests: number): Promise<JobSample[]> {
  const { counts } = result.manifest;
  return [
    sample('backupSubjectsSaved', counts.subjects, {}),
    sample('backupVersionsSaved', counts.versions, {}),
    sample('backupWrittenBytes', await bytesUnder(result.path), {}),
    sample('backupRequests', requests, {}),
  ];
}

/** The size of every file under `dir`: the result names the backup's directory, not its sizes. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
