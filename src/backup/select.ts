/**
 * Which part of a backup a restore touches, and under which names (pure): subject globs and exact
 * names, and moving every selected subject into another context.
 */
import { parseQualifiedSubject, qualifySubject, type SchemaReference } from '../registry/index.js';
import { BackupError } from './errors.js';
import type { RegistrySnapshot, SubjectRecord, VersionRecord } from './model.js';

export interface Selection {
  /** Globs over qualified subject names (`*` any run, `?` one character); every subject when both lists are empty. */
  readonly globs: readonly string[];
  readonly subjects: readonly string[];
  /** Move every selected subject into this context (`.restored`); keep contexts when absent. */
  readonly targetContext?: string;
}

export function subjectMatcher(selection: Pick<Selection, 'globs' | 'subjects'>): (subject: string) => boolean {
  if (selection.globs.length === 0 && selection.subjects.length === 0) return () => true;
  const exact = new Set(selection.subjects);
  const patterns = selection.globs.map(globToRegExp);
  return (subject) => exact.has(subject) || patterns.some((p) => p.test(subject));
}

function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

/** True when the selection is the whole backup in its own contexts: then global and context settings are restored too. */
export function isFullRestore(selection: Selection): boolean {
  return selection.globs.length === 0 && selection.subjects.length === 0 && selection.targetContext === undefined;
}

/** The selected subjects of `backup`, renamed into the target context; global and context settings only for a full restore. */
export function selectFromBackup(backup: RegistrySnapshot, selection: Selection): RegistrySnapshot {
  const keep = subjectMatcher(selection);
  const rename = (s: string) => (selection.targetContext === undefined ? s : qualifySubject(selection.targetContext, parseQualifiedSubject(s).subject));
  const subjects = new Map<string, SubjectRecord>();
  for (const record of backup.subjects.values()) {
    if (!keep(record.subject)) continue;
    const name = rename(record.subject);
    if (subjects.has(name)) {
      throw new BackupError('invalid-input', `subjects from two contexts would both become '${name}' in context ${selection.targetContext}`, 'Select subjects of one context with --subject or --glob');
    }
    subjects.set(name, { subject: name, settings: record.settings, versions: record.versions.map((v) => renameVersion(v, name, rename)) });
  }
  const full = isFullRestore(selection);
  return { global: full ? backup.global : {}, contexts: full ? backup.contexts : new Map(), subjects, maxIds: backup.maxIds };
}

function renameVersion(v: VersionRecord, subject: string, rename: (s: string) => string): VersionRecord {
  // An unqualified reference resolves in the referrer's context, so only qualified ones move.
  const references: SchemaReference[] = v.references.map((r) => (r.subject.startsWith(':.') ? { ...r, subject: rename(r.subject) } : r));
  return { ...v, subject, references };
}
