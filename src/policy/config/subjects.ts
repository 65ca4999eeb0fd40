/**
 * File-to-subject mapping: which `subjects` entry applies to a schema file (the last match wins, as
 * in CODEOWNERS), which level the subject has, and the subject name its strategy gives.
 */
import { compileGlob, normalisePath, type GlobMatcher } from './glob.js';
import { qualifySubject } from '../../registry/qualified-subject.js';
import { subjectName } from '../../registry/subject-naming.js';
import type { CompatibilityLevel, GuardrailsSettings, SubjectRule, SubjectTarget } from './settings.js';

/** The mapping that applies to one schema file. */
export interface SubjectMapping {
  /** The entry that matched, or undefined when none did (then `defaults.strategy` applies, without a topic). */
  readonly rule?: SubjectRule;
  readonly target: SubjectTarget;
  readonly context?: string;
  readonly level: CompatibilityLevel;
}

/** A file that cannot be named as a subject; `problem` says why and what to do. */
export class SubjectNamingError extends Error {
  override readonly name = 'SubjectNamingError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Compiled matchers over the settings, built once per run. */
export interface SubjectResolver {
  /** Whether a repository-relative path is a schema file (`schemas.paths`). */
  isSchemaFile(path: string): boolean;
  /** The mapping for a schema file. */
  mappingFor(path: string): SubjectMapping;
}

export function subjectResolver(settings: GuardrailsSettings): SubjectResolver {
  const schemaMatchers = settings.schemas.paths.map(compileGlob);
  const rules: { rule: SubjectRule; matchers: GlobMatcher[] }[] = settings.subjects.map((rule) => ({
    rule,
    matchers: rule.files.map(compileGlob),
  }));
  return {
    isSchemaFile: (path) => schemaMatchers.some((matches) => matches(path)),
    mappingFor(path) {
      const normal = normalisePath(path);
      let rule: SubjectRule | undefined;
      for (const candidate of rules) {
        if (candidate.matchers.some((matches) => matches(normal))) rule = candidate.rule;
      }
      const target: SubjectTarget = rule?.target ?? { kind: 'strategy', strategy: settings.defaults.strategy, key: false };
      return {
        ...(rule !== undefined && { rule }),
        target,
        ...(rule?.context !== undefined && { context: rule.context }),
        level: rule?.compatibility ?? settings.defaults.compatibility,
      };
    },
  };
}

/**
 * The subject name for a file under its mapping. `recordName` is the full name of the schema's
 * top-level named type, needed by the record strategies. Throws SubjectNamingError.
 */
export function subjectNameFor(file: string, mapping: SubjectMapping, recordName: string | undefined): string {
  const { target, context } = mapping;
  if (target.kind === 'explicit') return qualifySubject(context, target.subject);
  if (target.strategy !== 'RecordNameStrategy' && target.topic === undefined) {
    throw new SubjectNamingError(file, `no entry under \`subjects\` in the config maps this file, and ${target.strategy} needs a topic; add an entry with \`files\` and a \`topic\` or \`subject\``);
  }
  if (target.strategy !== 'TopicNameStrategy' && recordName === undefined) {
    throw new SubjectNamingError(file, `${target.strategy} names the subject after the top-level record, but this schema's top level is not a named type; map the file to an explicit \`subject\` in the config`);
  }
  return subjectName({ strategy: target.strategy, topic: target.topic, recordFullName: recordName, isKey: target.key, context });
}
