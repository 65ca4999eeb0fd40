/**
 * From the validated raw document to settings: defaults filled in, globs compiled once to prove they
 * are well-formed, and the cross-field rules of subject mapping checked with their positions.
 */
import { formatKeyPath, type ConfigIssue } from './errors.js';
import { compileGlob, GlobError } from './glob.js';
import type { Locator } from './locate.js';
import { DEFAULT_CONTEXT, normalizeContext } from '../../registry/qualified-subject.js';
import type { RawConfig, RawSubjectEntry } from './schema.js';
import { normalisePolicySections } from './policy-sections.js';
import { normaliseRegistrySections } from './registry-section.js';
import {
  RESERVED_SECTIONS,
  type GuardrailsSettings,
  type NamingStrategy,
  type SubjectRule,
  type SubjectTarget,
} from './settings.js';

export const DEFAULT_SCHEMA_PATHS: readonly string[] = ['schemas/**/*.avsc'];

export interface Normalised {
  readonly settings: GuardrailsSettings;
  readonly issues: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

type Path = readonly (string | number)[];

export function normaliseConfig(raw: RawConfig, file: string, locate: Locator): Normalised {
  const issues: ConfigIssue[] = [];
  const at = (path: Path, problem: string, target: 'key' | 'value' = 'value'): ConfigIssue => ({
    file,
    ...locate(path, target),
    path: formatKeyPath(path),
    problem,
  });

  const paths = raw.schemas?.paths ?? DEFAULT_SCHEMA_PATHS;
  paths.forEach((glob, index) => checkGlob(glob, ['schemas', 'paths', index], at, issues));
  const defaultStrategy = raw.defaults?.strategy ?? 'TopicNameStrategy';
  const subjects = (raw.subjects ?? []).map((entry, index) => {
    const path = ['subjects', index];
    entry.files.forEach((glob, i) => checkGlob(glob, [...path, 'files', i], at, issues));
    return subjectRule(entry, path, defaultStrategy, at, issues, file, locate);
  });

  const warnings = RESERVED_SECTIONS.filter((name) => raw[name] !== undefined).map((name) =>
    at([name], 'is reserved for a later version of guardrails and is ignored for now', 'key'),
  );
  const policy = normalisePolicySections(raw, file, locate);
  issues.push(...policy.issues);
  const registry = normaliseRegistrySections(raw, file, locate);
  issues.push(...registry.issues);
  const settings: GuardrailsSettings = {
    version: 1,
    source: file,
    schemas: { paths },
    defaults: { compatibility: raw.defaults?.compatibility ?? 'BACKWARD', strategy: defaultStrategy },
    subjects,
    approvals: policy.approvals,
    deprecation: policy.deprecation,
    ...(registry.registry !== undefined && { registry: registry.registry }),
    onRegistryUnavailable: registry.onRegistryUnavailable,
  };
  return { settings, issues, warnings };
}

type At = (path: Path, problem: string, target?: 'key' | 'value') => ConfigIssue;

function checkGlob(glob: string, path: Path, at: At, issues: ConfigIssue[]): void {
  try {
    compileGlob(glob);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    issues.push(at(path, `got ${JSON.stringify(glob)}: ${error.problem}`));
  }
}

function subjectRule(
  entry: RawSubjectEntry,
  path: Path,
  defaultStrategy: NamingStrategy,
  at: At,
  issues: ConfigIssue[],
  file: string,
  locate: Locator,
): SubjectRule {
  const target = subjectTarget(entry, path, defaultStrategy, at, issues);
  // zod already checked the characters; normalizeContext only adds the dot ('.' is the default context).
  const normal = entry.context === undefined ? undefined : normalizeContext(entry.context);
  const context = normal === DEFAULT_CONTEXT ? undefined : normal;
  return {
    files: entry.files,
    target,
    ...(context !== undefined && { context }),
    ...(entry.compatibility !== undefined && { compatibility: entry.compatibility }),
    location: { file, ...locate(path) },
  };
}

/** Explicit `subject` wins; otherwise a strategy, whose topic needs are checked here. */
function subjectTarget(entry: RawSubjectEntry, path: Path, defaultStrategy: NamingStrategy, at: At, issues: ConfigIssue[]): SubjectTarget {
  if (entry.subject !== undefined) {
    const extra = (['topic', 'strategy', 'key'] as const).filter((k) => entry[k] !== undefined);
    for (const key of extra) {
      issues.push(at([...path, key], `has no effect because \`subject\` names the subject explicitly; remove \`${key}\` or \`subject\``, 'key'));
    }
    return { kind: 'explicit', subject: entry.subject };
  }
  // A topic without a strategy asks for a topic strategy: the default one if it uses topics, else TopicNameStrategy.
  const implied = entry.topic !== undefined && defaultStrategy === 'RecordNameStrategy' ? 'TopicNameStrategy' : defaultStrategy;
  const strategy = entry.strategy ?? implied;
  const from = entry.strategy === undefined && strategy === defaultStrategy ? ' (from defaults.strategy)' : '';
  if (strategy === 'RecordNameStrategy' && entry.topic !== undefined) {
    issues.push(at([...path, 'topic'], `RecordNameStrategy${from} names subjects after the record alone; remove \`topic\` or use TopicRecordNameStrategy`, 'key'));
  }
  if (strategy !== 'RecordNameStrategy' && entry.topic === undefined) {
    issues.push(at(path, `${strategy}${from} needs a topic; add \`topic: <kafka topic>\` or an explicit \`subject\``));
  }
  if (entry.key !== undefined && strategy !== 'TopicNameStrategy') {
    issues.push(at([...path, 'key'], `only TopicNameStrategy distinguishes key and value subjects, not ${strategy}${from}; remove \`key\``, 'key'));
  }
  return {
    kind: 'strategy',
    strategy,
    ...(entry.topic !== undefined && strategy !== 'RecordNameStrategy' && { topic: entry.topic }),
    key: entry.key ?? false,
  };
}
