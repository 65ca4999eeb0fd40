/** Retention in a directory of backups: deletes the backups the rule lets go, after a backup succeeded. */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expiredBackups, type RetentionRule } from '../retention.js';

/** Deletes expired backup directories under `parent`; returns their names. */
export async function pruneDirectory(parent: string, rule: RetentionRule, now: Date): Promise<string[]> {
  const entries = await readdir(parent, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const expired = expiredBackups(names, rule, now);
  for (const name of expired) await rm(join(parent, name), { recursive: true, force: true });
  return expired;
}
