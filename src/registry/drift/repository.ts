/**
 * The default branch's side of `guardrails drift`: every schema file at the compared commit, named
 * as its subject by guardrails.yaml (the check's loaders and naming), with the comparable form of
 * the file and of each revision the branch's first-parent history had.
 */
import type { GitRepository } from '../../github/git/repository.js';
import { gitRunner, splitNul } from '../../github/git/run.js';
import { loadConfig } from '../../policy/config/load.js';
import { subjectResolver } from '../../policy/config/subjects.js';
import { listHistories } from '../../policy/check/history.js';
import { loadFromClosure } from '../../policy/check/load-candidate.js';
import { nameSubject } from '../../policy/check/naming.js';
import { nameIndexOf, scanSource, sourceClosure, type ScannedSource } from '../../policy/check/sources.js';
import { comparableForm } from './canonical.js';
import type { RepositorySubject } from './model.js';

export interface RepositoryOptions {
  readonly repo: GitRepository;
  /** Config path relative to `cwd`; default guardrails.yaml at the repository root. */
  readonly configPath?: string;
  readonly cwd: string;
  /** The commit compared (the default branch's). */
  readonly commit: string;
}

export interface RepositoryFacts {
  readonly subjects: readonly RepositorySubject[];
  /** Files left out, one line each: they do not parse, or cannot be named. */
  readonly warnings: readonly string[];
}

export async function readRepositorySubjects(options: RepositoryOptions): Promise<RepositoryFacts> {
  const { repo, commit } = options;
  const { settings, warnings: configWarnings } = await loadConfig({ path: options.configPath, cwd: options.cwd, root: repo.root });
  const resolver = subjectResolver(settings);
  // A path with a line break cannot go through git's batch protocol; no valid subject comes from one anyway.
  const files = (await filesAt(repo, commit)).filter((file) => resolver.isSchemaFile(file) && !/[\r\n]/.test(file));
  const bytes = await repo.readObjects(files.map((file) => `${commit}:${file}`));
  const sources = new Map<string, ScannedSource>();
  for (const file of files) {
    const content = bytes.get(`${commit}:${file}`);
    if (content !== undefined) sources.set(file, scanSource(file, content));
  }
  const index = nameIndexOf(sources.values());
  const reader = async (wanted: readonly string[]) => new Map(wanted.map((file) => [file, sources.get(file)]));
  const histories = await listHistories(repo, commit, files);
  const blobs = await repo.readObjects([...new Set([...histories.values()].flat().map((v) => v.blob))]);
  const warnings = [...configWarnings];
  const subjects: RepositorySubject[] = [];
  for (const file of files) {
    const source = sources.get(file);
    const head = source?.text === undefined ? undefined : comparableForm(source.text);
    const loaded = source === undefined ? undefined : loadFromClosure(file, await sourceClosure(file, reader, index), false);
    if (head === undefined || loaded === undefined || !loaded.ok) {
      warnings.push(`${file}: left out of the comparison: ${loaded && !loaded.ok ? loaded.error.message : 'cannot be read as JSON'}`);
      continue;
    }
    const mapping = resolver.mappingFor(file);
    const naming = nameSubject(file, mapping, loaded.value.loaded.schema);
    if (naming.error) {
      warnings.push(`${file}: left out of the comparison: ${naming.error.message}`);
      continue;
    }
    const history = new Set([head]);
    for (const version of histories.get(file) ?? []) {
      const text = blobs.get(version.blob)?.toString('utf8');
      const form = text === undefined ? undefined : comparableForm(text);
      if (form !== undefined) history.add(form);
    }
    const twin = subjects.findIndex((s) => s.subject === naming.subject);
    if (twin >= 0) {
      // Either file's revisions may have been registered; the first file's text is the one compared with latest.
      const first = subjects[twin]!;
      warnings.push(`${file}: maps to ${naming.subject} like ${first.file}; its latest is compared with ${first.file} only (guardrails check refuses the pair)`);
      subjects[twin] = { ...first, history: new Set([...first.history, ...history]) };
      continue;
    }
    subjects.push({ subject: naming.subject, file, level: mapping.level, head, history });
  }
  return { subjects, warnings };
}

async function filesAt(repo: GitRepository, commit: string): Promise<string[]> {
  return splitNul(await gitRunner(repo.root)(['ls-tree', '-r', '-z', '--name-only', commit]));
}
