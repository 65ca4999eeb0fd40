/**
 * Schema references for the registry check: the named types a schema file uses from other schema
 * files become `references: [{name, subject, version}]`. The subject comes from the referenced file's
 * mapping in the config (its naming strategy or explicit subject); the version is the one the
 * registry holds for exactly that file's content (a lookup).
 *
 * When the referenced content is not registered (the file is new, or changed in the same pull
 * request), no version can honestly be sent: the reference is reported as unregistered, and the
 * check falls back to the local engine for that subject (docs/registry.md).
 */
import { SubjectNamingError, subjectNameFor, type SubjectResolver } from '../config/subjects.js';
import type { SentReference } from '../report/model.js';
import type { RegistryFacts } from './registry-facts.js';
import { dependenciesOf, type ScannedSource } from './sources.js';
import type { Workspace } from './workspace.js';

export type ResolvedReferences =
  | { readonly ok: true; readonly references: readonly SentReference[] }
  /** Why the references cannot be sent, one line each. */
  | { readonly ok: false; readonly problems: readonly string[] };

export type ReferenceResolver = (file: string) => Promise<ResolvedReferences>;

/** A resolver memoised per file, so a shared type file is looked up once per run. */
export function referenceResolver(workspace: Workspace, resolver: SubjectResolver, facts: RegistryFacts): ReferenceResolver {
  const memo = new Map<string, Promise<ResolvedReferences>>();
  // `seen` guards the recursion; a parsed candidate's closure has no cycle, so the first answer per file holds.
  const memoised = (file: string, seen: ReadonlySet<string>): Promise<ResolvedReferences> => {
    let pending = memo.get(file);
    if (pending === undefined) {
      pending = resolveFile(file, seen);
      memo.set(file, pending);
    }
    return pending;
  };
  const resolve: ReferenceResolver = (file) => memoised(file, new Set([file]));

  async function resolveFile(file: string, seen: ReadonlySet<string>): Promise<ResolvedReferences> {
    const source = workspace.sources.get(file);
    if (source === undefined) return { ok: true, references: [] };
    const dependencies = dependenciesOf(source, workspace.index).filter((dependency) => !seen.has(dependency));
    const results = await Promise.all(dependencies.map((dependency) => referenceTo(dependency, seen)));
    const problems = results.flatMap((result) => ('problem' in result ? [result.problem] : []));
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, references: results.flatMap((result) => ('reference' in result ? [result.reference] : [])) };
  }

  async function referenceTo(file: string, seen: ReadonlySet<string>): Promise<{ reference: SentReference } | { problem: string }> {
    const source = workspace.sources.get(file);
    const name = source?.scan?.defines[0];
    if (source?.text === undefined || name === undefined) return { problem: `${file} cannot be read as a schema` };
    const subject = subjectOf(file, source);
    if (typeof subject !== 'string') return subject;
    // A referenced file's own references come first: its lookup needs them.
    const own = seen.has(file) ? { ok: true as const, references: [] } : await memoised(file, new Set([...seen, file]));
    if (!own.ok) return { problem: own.problems.join('; ') };
    const registered = await facts.lookup(subject, { schema: source.text, ...(own.references.length > 0 && { references: own.references }) });
    if (registered === undefined) {
      return { problem: `the content of ${file} (type ${name}) is not registered under subject '${subject}'; register it first, or merge its change on its own` };
    }
    return { reference: { name, subject, version: registered.version } };
  }

  function subjectOf(file: string, source: ScannedSource): string | { problem: string } {
    try {
      return subjectNameFor(file, resolver.mappingFor(file), source.scan?.defines[0]);
    } catch (error) {
      if (error instanceof SubjectNamingError) return { problem: error.message };
      throw error;
    }
  }

  return resolve;
}
