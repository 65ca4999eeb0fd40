/**
 * A RegistrySnapshot as backup files (pure): one file per subject version, one per subject, per
 * context and for the global scope, all canonical JSON without timestamps; then MANIFEST.json and
 * SHA256SUMS over everything.
 */
import { canonicalJson } from './canonical-json.js';
import { formatSums, sha256Hex } from './checksums.js';
import { BACKUP_FORMAT_VERSION, isSubjectDeleted, type Manifest, type RegistrySnapshot, type VersionRecord } from './model.js';
import { backupPaths, MANIFEST_FILE, SUMS_FILE } from './paths.js';

/** The manifest fields that do not follow from the snapshot. */
export type ManifestInput = Pick<Manifest, 'tool' | 'source' | 'startedAt' | 'finishedAt' | 'listing' | 'includesDeleted'>;

/** Every file of the backup by path, MANIFEST.json and SHA256SUMS included. */
export function renderBackup(snapshot: RegistrySnapshot, input: ManifestInput): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => files.set(path, canonicalJson(value));
  if (snapshot.global.config) put(backupPaths.globalConfig(), snapshot.global.config);
  if (snapshot.global.mode) put(backupPaths.globalMode(), { mode: snapshot.global.mode });
  for (const [context, settings] of snapshot.contexts) {
    if (settings.config) put(backupPaths.contextConfig(context), { context, config: settings.config });
    if (settings.mode) put(backupPaths.contextMode(context), { context, mode: settings.mode });
  }
  for (const record of snapshot.subjects.values()) {
    put(backupPaths.subject(record.subject), { subject: record.subject, deleted: isSubjectDeleted(record), ...record.settings });
    for (const v of record.versions) put(backupPaths.version(v.subject, v.version), versionFile(v));
  }
  put(MANIFEST_FILE, manifestOf(snapshot, input, files.size + 1));
  const hashes = new Map([...files].map(([path, text]) => [path, sha256Hex(text)] as const));
  files.set(SUMS_FILE, formatSums(hashes));
  return files;
}

/** A version file: the registry's fields plus the schema's SHA-256, so a reader can check it alone. */
export function versionFile(v: VersionRecord): Record<string, unknown> {
  return { ...v, references: v.references, schemaSha256: sha256Hex(v.schema) };
}

function manifestOf(snapshot: RegistrySnapshot, input: ManifestInput, files: number): Manifest {
  const subjects = [...snapshot.subjects.values()];
  const versions = subjects.flatMap((s) => s.versions);
  return {
    format: 'guardrails-registry-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    ...input,
    counts: {
      subjects: subjects.length,
      deletedSubjects: subjects.filter(isSubjectDeleted).length,
      versions: versions.length,
      deletedVersions: versions.filter((v) => v.deleted).length,
      contexts: snapshot.contexts.size,
      files,
    },
    maxIds: snapshot.maxIds,
  };
}
