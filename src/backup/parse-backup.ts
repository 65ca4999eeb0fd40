/**
 * Backup files back into a RegistrySnapshot (pure). SHA256SUMS is checked first: a backup with a
 * changed, missing or extra file is refused before any of its content is read.
 */
import { z } from 'zod';
import { REGISTRY_MODES } from '../registry/index.js';
import { compareSums, parseSums, sha256Hex } from './checksums.js';
import { BackupError } from './errors.js';
import { BACKUP_FORMAT_VERSION, type Manifest, type RegistrySnapshot, type ScopeSettings, type SubjectRecord, type VersionRecord } from './model.js';
import { classifyPath, MANIFEST_FILE, SUMS_FILE } from './paths.js';

export interface ParsedBackup {
  readonly manifest: Manifest;
  readonly snapshot: RegistrySnapshot;
}

const mode = z.enum(REGISTRY_MODES);
const config = z.record(z.string(), z.unknown());
const reference = z.object({ name: z.string(), subject: z.string(), version: z.number().int().positive() });
const versionShape = z.object({
  subject: z.string(),
  version: z.number().int().positive(),
  id: z.number().int().nonnegative(),
  schemaType: z.string(),
  schema: z.string(),
  schemaSha256: z.string(),
  references: z.array(reference),
  metadata: z.unknown().optional(),
  ruleSet: z.unknown().optional(),
  guid: z.string().optional(),
  deleted: z.boolean(),
});
const subjectShape = z.object({ subject: z.string(), deleted: z.boolean(), config: config.optional(), mode: mode.optional() });
const manifestShape = z.looseObject({
  format: z.literal('guardrails-registry-backup'),
  formatVersion: z.number().int(),
  counts: z.looseObject({ subjects: z.number(), versions: z.number(), files: z.number() }),
});

/** Checks SHA256SUMS against `files` (path → bytes), then parses every file. */
export function parseBackup(files: ReadonlyMap<string, Uint8Array>, where: string): ParsedBackup {
  verifySums(files, where);
  const manifest = readJson(files, MANIFEST_FILE, manifestShape, where) as unknown as Manifest;
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('invalid-input', `${where} is backup format ${manifest.formatVersion}; this guardrails reads up to ${BACKUP_FORMAT_VERSION}`, 'Use a newer guardrails');
  }
  const snapshot = readSnapshot(files, where);
  checkCounts(manifest, snapshot, files.size, where);
  return { manifest, snapshot: { ...snapshot, maxIds: manifest.maxIds ?? {} } };
}

export function verifySums(files: ReadonlyMap<string, Uint8Array>, where: string): void {
  const sums = files.get(SUMS_FILE);
  if (!sums) throw new BackupError('integrity', `${where} has no ${SUMS_FILE}; it is incomplete or not a backup`, 'Use a complete backup');
  const listed = parseSums(Buffer.from(sums).toString('utf8'));
  const actual = new Map([...files].map(([path, bytes]) => [path, sha256Hex(bytes)] as const));
  const problems = compareSums(listed, actual);
  if (!listed.has(MANIFEST_FILE)) problems.unshift(`${MANIFEST_FILE}: not listed in ${SUMS_FILE}`);
  if (problems.length) {
    throw new BackupError(
      'integrity',
      `${where} fails its ${SUMS_FILE} check (${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''})`,
      'The backup was changed or is incomplete; nothing was restored. Use another backup',
      problems,
    );
  }
}

function readSnapshot(files: ReadonlyMap<string, Uint8Array>, where: string): RegistrySnapshot {
  let global: ScopeSettings = {};
  const contexts = new Map<string, { config?: Record<string, unknown>; mode?: ScopeSettings['mode'] }>();
  const subjects = new Map<string, { settings: ScopeSettings; versions: VersionRecord[] }>();
  const subjectEntry = (s: string) => subjects.get(s) ?? subjects.set(s, { settings: {}, versions: [] }).get(s)!;
  for (const path of [...files.keys()].sort()) {
    const kind = classifyPath(path);
    if (!kind) throw new BackupError('integrity', `${where}: '${path}' is not a file of the backup format`, 'Use a backup written by guardrails');
    switch (kind.kind) {
      case 'manifest':
      case 'sums':
        break;
      case 'global-config':
        global = { ...global, config: readJson(files, path, config, where) };
        break;
      case 'global-mode':
        global = { ...global, mode: readJson(files, path, z.object({ mode }), where).mode };
        break;
      case 'context-config':
      case 'context-mode': {
        const entry = contexts.get(kind.context) ?? {};
        if (kind.kind === 'context-config') entry.config = readJson(files, path, z.object({ context: z.literal(kind.context), config }), where).config;
        else entry.mode = readJson(files, path, z.object({ context: z.literal(kind.context), mode }), where).mode;
        contexts.set(kind.context, entry);
        break;
      }
      case 'subject': {
        const { subject, deleted: _deleted, ...settings } = readJson(files, path, subjectShape, where);
        if (subject !== kind.subject) nameMismatch(where, path, subject);
        subjectEntry(subject).settings = settings;
        break;
      }
      case 'version':
        subjectEntry(kind.subject).versions.push(readVersion(files, path, kind, where));
    }
  }
  return { global, contexts, subjects: toRecords(subjects, where), maxIds: {} };
}

function readVersion(files: ReadonlyMap<string, Uint8Array>, path: string, kind: { subject: string; version: number }, where: string): VersionRecord {
  const { schemaSha256, ...v } = readJson(files, path, versionShape, where);
  if (v.subject !== kind.subject || v.version !== kind.version) nameMismatch(where, path, `${v.subject} v${v.version}`);
  if (sha256Hex(v.schema) !== schemaSha256) throw new BackupError('integrity', `${where}: '${path}' has a schema whose SHA-256 differs from schemaSha256`, 'The backup cannot be trusted');
  return v;
}

function toRecords(subjects: Map<string, { settings: ScopeSettings; versions: VersionRecord[] }>, where: string): Map<string, SubjectRecord> {
  const out = new Map<string, SubjectRecord>();
  for (const [subject, entry] of [...subjects].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (entry.versions.length === 0) throw new BackupError('integrity', `${where}: subject '${subject}' has no version files`, 'The backup is incomplete');
    out.set(subject, { subject, settings: entry.settings, versions: entry.versions.sort((a, b) => a.version - b.version) });
  }
  return out;
}

function checkCounts(manifest: Manifest, snapshot: RegistrySnapshot, files: number, where: string): void {
  const versions = [...snapshot.subjects.values()].reduce((n, s) => n + s.versions.length, 0);
  const found = { subjects: snapshot.subjects.size, versions, files: files - 1 };
  for (const key of ['subjects', 'versions', 'files'] as const) {
    if (manifest.counts[key] !== found[key]) {
      throw new BackupError('integrity', `${where}: ${MANIFEST_FILE} counts ${manifest.counts[key]} ${key} but the backup has ${found[key]}`, 'The backup is incomplete');
    }
  }
}

function readJson<T>(files: ReadonlyMap<string, Uint8Array>, path: string, shape: z.ZodType<T>, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(files.get(path) ?? new Uint8Array()).toString('utf8'));
  } catch {
    throw new BackupError('integrity', `${where}: '${path}' is not JSON`, 'The backup cannot be trusted');
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('integrity', `${where}: '${path}' is not a valid backup file (${issue?.path.join('.') || 'root'}: ${issue?.message})`, 'The backup cannot be trusted');
  }
  return parsed.data;
}

function nameMismatch(where: string, path: string, found: string): never {
  throw new BackupError('integrity', `${where}: '${path}' holds '${found}', which does not match its path`, 'The backup cannot be trusted');
}
