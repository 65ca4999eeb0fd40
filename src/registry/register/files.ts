/**
 * The schema files of a commit, named as subjects by the guardrails.yaml of that same commit, with
 * the references between files, in dependency order (Kahn; a file after every file it uses).
 */
import { SchemaError } from '../../avro/errors.js';
import { loadSchemaSet, type LoadedSchema } from '../../avro/load.js';
import { isNamed } from '../../avro/model.js';
import { scanNamedTypes } from '../../avro/references.js';
import { BackupError, messageOf } from '../../backup/errors.js';
import { readTree, tryResolve, type Git } from '../../backup/git.js';
import { parseConfigText } from '../../policy/config/load.js';
import { subjectNameFor, subjectResolver } from '../../policy/config/subjects.js';
import type { SchemaFile } from './model.js';

export interface RepositoryFiles {
  readonly commit: string;
  readonly files: readonly SchemaFile[];
}

/** Throws BackupError `invalid-input` (exit 2) for a bad ref, config, schema or subject name. */
export async function schemaFilesAt(git: Git, ref: string, configPath = 'guardrails.yaml'): Promise<RepositoryFiles> {
  const commit = await tryResolve(git, ref);
  if (!commit) throw new BackupError('invalid-input', `'${ref}' is not a commit`, 'Give a branch, tag or commit of this repository (--ref)');
  const configBlob = (await readTree(git, commit, (p) => p === configPath)).get(configPath);
  const settings = parseConfigText(configBlob ? configBlob.toString('utf8') : 'version: 1\n', configPath).settings;
  const resolver = subjectResolver(settings);
  const blobs = await readTree(git, commit, (p) => resolver.isSchemaFile(p));
  const sources = [...blobs].map(([file, bytes]) => ({ file, text: bytes.toString('utf8') }));
  let loaded: Map<string, LoadedSchema>;
  try {
    loaded = loadSchemaSet(sources);
  } catch (error) {
    throw new BackupError('invalid-input', `the schema files at ${commit.slice(0, 12)} do not load: ${error instanceof SchemaError ? error.message : messageOf(error)}`, 'Fix the schema on the branch first');
  }
  const definedBy = new Map<string, string>();
  for (const [file, schema] of loaded) for (const name of schema.named.keys()) definedBy.set(name, file);
  const texts = new Map(sources.map((s) => [s.file, s.text] as const));
  const files = [...loaded].map(([file, schema]): SchemaFile => {
    const root = schema.schema;
    const mapping = resolver.mappingFor(file);
    let subject: string;
    try {
      subject = subjectNameFor(file, mapping, isNamed(root) ? root.fullName : undefined);
    } catch (error) {
      throw new BackupError('invalid-input', `cannot name the subject of ${file}: ${messageOf(error)}`, 'Map the file in guardrails.yaml');
    }
    const text = texts.get(file) as string;
    const uses = scanNamedTypes(JSON.parse(text)).references.flatMap((ref) => {
      const name = ref.candidates.find((c) => definedBy.has(c) && definedBy.get(c) !== file);
      return name ? [{ file: definedBy.get(name) as string, name }] : [];
    });
    return { file, text, subject, level: mapping.level, uses: dedupe(uses) };
  });
  const twice = duplicateSubject(files);
  if (twice) throw new BackupError('invalid-input', `${twice[0]} and ${twice[1]} map to the same subject ${twice[2]}`, 'Give each file its own subject in guardrails.yaml');
  return { commit, files: dependencyOrder(files) };
}

/** Files in waves: each wave uses only files of earlier waves, so a wave can be registered in parallel. */
export function dependencyWaves(files: readonly SchemaFile[]): SchemaFile[][] {
  const wave = new Map<string, number>();
  const waves: SchemaFile[][] = [];
  for (const f of files) {
    const n = Math.max(-1, ...f.uses.map((u) => wave.get(u.file) ?? -1)) + 1;
    wave.set(f.file, n);
    (waves[n] ??= []).push(f);
  }
  return waves;
}

function dependencyOrder(files: readonly SchemaFile[]): SchemaFile[] {
  const byFile = new Map(files.map((f) => [f.file, f] as const));
  const done = new Set<string>();
  const out: SchemaFile[] = [];
  const visiting = new Set<string>();
  const visit = (f: SchemaFile) => {
    if (done.has(f.file)) return;
    if (visiting.has(f.file)) throw new BackupError('invalid-input', `the schema files ${[...visiting].join(', ')} use each other in a circle`, 'Break the cycle: registry references cannot be circular');
    visiting.add(f.file);
    for (const u of f.uses) {
      const dep = byFile.get(u.file);
      if (dep) visit(dep);
    }
    visiting.delete(f.file);
    done.add(f.file);
    out.push(f);
  };
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) visit(f);
  return out;
}

function dedupe(uses: readonly { file: string; name: string }[]): { file: string; name: string }[] {
  const seen = new Set<string>();
  return uses.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}

function duplicateSubject(files: readonly SchemaFile[]): [string, string, string] | undefined {
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(f.subject);
    if (other !== undefined) return [other, f.file, f.subject];
    seen.set(f.subject, f.file);
  }
  return undefined;
}
