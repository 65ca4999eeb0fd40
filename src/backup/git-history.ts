/**
 * Restore from git history (the runbook's schema-deletion case B): re-register the schema files of
 * the repository as of a ref, under the subjects guardrails.yaml (as of that ref) gives them, with
 * schema references between files, dependencies first. A subject that already holds the schema is
 * left alone, so it is safe to run again. Registration is ordinary (READWRITE, compatibility
 * checked): ids are the registry's, as for any new registration.
 */
import { loadSchemaSet, type LoadedSchema } from '../avro/load.js';
import { isNamed } from '../avro/model.js';
import { scanNamedTypes } from '../avro/references.js';
import { SchemaError } from '../avro/errors.js';
import { parseConfigText } from '../policy/config/load.js';
import { subjectNameFor, subjectResolver } from '../policy/config/subjects.js';
import type { RegistryClient, SchemaReference } from '../registry/index.js';
import { BackupError, messageOf } from './errors.js';
import { readTree, tryResolve, type Git } from './git.js';
import { subjectMatcher, type Selection } from './select.js';

export interface GitHistoryOptions {
  readonly ref: string;
  /** Path of the config at `ref` (default guardrails.yaml; the embedded defaults when absent). */
  readonly configPath?: string;
  readonly selection: Pick<Selection, 'globs' | 'subjects'>;
  readonly dryRun: boolean;
  /** Once aborted, no further file is registered. */
  readonly signal?: AbortSignal;
}

/** What happened to one schema file. */
export interface GitHistoryEntry {
  readonly subject: string;
  readonly file: string;
  /** `present`: the subject already holds it; `planned`: a dry run would register it. */
  readonly action: 'present' | 'registered' | 'planned' | 'failed' | 'skipped';
  readonly version?: number;
  readonly id?: number;
  /** Why it failed or was skipped; for `planned`, the subjects it references. */
  readonly detail?: string;
}

export interface GitHistoryResult {
  readonly ref: string;
  readonly commit: string;
  readonly dryRun: boolean;
  readonly entries: readonly GitHistoryEntry[];
  readonly failed: boolean;
}

interface SchemaFile {
  readonly file: string;
  readonly text: string;
  readonly subject: string;
  readonly loaded: LoadedSchema;
  /** Files whose named types this file uses, with the type names. */
  readonly uses: readonly { readonly file: string; readonly name: string }[];
}

export async function restoreFromGitHistory(client: RegistryClient, git: Git, options: GitHistoryOptions): Promise<GitHistoryResult> {
  const commit = await tryResolve(git, options.ref);
  if (!commit) throw new BackupError('invalid-input', `'${options.ref}' is not a commit`, 'Give a branch, tag or commit of this repository');
  const files = await schemaFilesAt(git, commit, options.configPath ?? 'guardrails.yaml');
  const needed = neededFiles(files, subjectMatcher(options.selection));
  const entries: GitHistoryEntry[] = [];
  const versions = new Map<string, number>();
  const failedFiles = new Set<string>();
  for (const f of files) {
    const references = f.uses.map((u) => ({ name: u.name, subject: subjectOf(files, u.file), version: versions.get(u.file) ?? 0 }));
    const blocked = f.uses.find((u) => failedFiles.has(u.file));
    if (blocked) {
      failedFiles.add(f.file);
      entries.push({ subject: f.subject, file: f.file, action: 'skipped', detail: `it uses ${blocked.name} whose file failed` });
      continue;
    }
    if (!needed.has(f.file)) continue;
    if (options.signal?.aborted) {
      entries.push({ subject: f.subject, file: f.file, action: 'skipped', detail: 'the run was stopped' });
      failedFiles.add(f.file);
      continue;
    }
    try {
      entries.push(await registerOne(client, f, references, versions, options.dryRun));
    } catch (error) {
      failedFiles.add(f.file);
      entries.push({ subject: f.subject, file: f.file, action: 'failed', detail: messageOf(error) });
    }
  }
  return { ref: options.ref, commit, dryRun: options.dryRun, entries, failed: failedFiles.size > 0 };
}

/** The result as the lines the terminal shows. */
export function renderGitHistory(result: GitHistoryResult): string {
  const lines = [`Schema files at ${result.ref} (${result.commit.slice(0, 12)})${result.dryRun ? ', dry run' : ''}:`];
  for (const e of result.entries) {
    const at = `${e.subject} (${e.file})`;
    if (e.action === 'present') lines.push(`  = ${at}: already registered as v${e.version}, id ${e.id}`);
    else if (e.action === 'registered') lines.push(`  + ${at}: registered as v${e.version}, id ${e.id}`);
    else if (e.action === 'planned') lines.push(`  + ${at}: would be registered${e.detail ? ` with references to ${e.detail}` : ''}`);
    else lines.push(`  ! ${at}: ${e.action === 'skipped' ? 'skipped, ' : ''}${e.detail ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function registerOne(client: RegistryClient, f: SchemaFile, references: SchemaReference[], versions: Map<string, number>, dryRun: boolean): Promise<GitHistoryEntry> {
  const at = { subject: f.subject, file: f.file };
  // A dependency that is only planned (dry run) has no version yet; look up without its references then.
  const known = references.every((r) => r.version > 0);
  const found = known ? await client.lookupSchema(f.subject, { schema: f.text, references }) : undefined;
  if (found) {
    versions.set(f.file, found.version);
    return { ...at, action: 'present', version: found.version, id: found.id };
  }
  if (dryRun) return { ...at, action: 'planned', ...(references.length ? { detail: references.map((r) => r.subject).join(', ') } : {}) };
  const result = await client.register(f.subject, { schema: f.text, references });
  const version = result.version ?? (await client.lookupSchema(f.subject, { schema: f.text, references }))?.version ?? 0;
  versions.set(f.file, version);
  return { ...at, action: 'registered', version, id: result.id };
}

async function schemaFilesAt(git: Git, commit: string, configPath: string): Promise<SchemaFile[]> {
  const configBlob = (await readTree(git, commit, (p) => p === configPath)).get(configPath);
  const settings = parseConfigText(configBlob ? configBlob.toString('utf8') : 'version: 1\n', configPath).settings;
  const resolver = subjectResolver(settings);
  const blobs = await readTree(git, commit, (p) => resolver.isSchemaFile(p));
  if (blobs.size === 0) throw new BackupError('invalid-input', `no schema files at ${commit.slice(0, 12)} match ${settings.schemas.paths.join(', ')}`, 'Check the ref and the schemas.paths of the config');
  const sources = [...blobs].map(([file, bytes]) => ({ file, text: bytes.toString('utf8') }));
  let loaded: Map<string, LoadedSchema>;
  try {
    loaded = loadSchemaSet(sources);
  } catch (error) {
    throw new BackupError('invalid-input', `the schema files at ${commit.slice(0, 12)} do not load: ${error instanceof SchemaError ? error.message : messageOf(error)}`, 'Pick a ref whose schemas are valid');
  }
  const definedBy = new Map<string, string>();
  for (const [file, schema] of loaded) for (const name of schema.named.keys()) definedBy.set(name, file);
  const texts = new Map(sources.map((s) => [s.file, s.text] as const));
  return [...loaded].map(([file, schema]) => {
    const root = schema.schema;
    const subject = nameOf(file, () => subjectNameFor(file, resolver.mappingFor(file), isNamed(root) ? root.fullName : undefined));
    const uses = scanNamedTypes(JSON.parse(texts.get(file) as string)).references.flatMap((ref) => {
      const name = ref.candidates.find((c) => definedBy.has(c) && definedBy.get(c) !== file);
      return name ? [{ file: definedBy.get(name) as string, name }] : [];
    });
    return { file, text: texts.get(file) as string, subject, loaded: schema, uses: dedupe(uses) };
  });
}

function nameOf(file: string, name: () => string): string {
  try {
    return name();
  } catch (error) {
    throw new BackupError('invalid-input', `cannot name the subject of ${file}: ${messageOf(error)}`, 'Map the file in guardrails.yaml (or pass --config)');
  }
}

function dedupe(uses: readonly { file: string; name: string }[]): { file: string; name: string }[] {
  const seen = new Set<string>();
  return uses.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}

function subjectOf(files: readonly SchemaFile[], file: string): string {
  return files.find((f) => f.file === file)?.subject ?? file;
}

/** The selected files and, transitively, the files whose types they use. */
function neededFiles(files: readonly SchemaFile[], keep: (subject: string) => boolean): Set<string> {
  const byFile = new Map(files.map((f) => [f.file, f] as const));
  const needed = new Set<string>();
  const pending = files.filter((f) => keep(f.subject)).map((f) => f.file);
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (needed.has(file)) continue;
    needed.add(file);
    pending.push(...(byFile.get(file)?.uses.map((u) => u.file) ?? []));
  }
  return needed;
}
