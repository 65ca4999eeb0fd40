/** Subject names and subject-level errors for report entries. */
import type { SchemaError } from '../../avro/errors.js';
import { isNamed, type Schema } from '../../avro/model.js';
import { SubjectNamingError, subjectNameFor, type SubjectMapping } from '../config/subjects.js';
import type { SubjectError, SubjectReport } from '../report/model.js';
import { positionOfError } from './positions.js';

export type Naming = { readonly subject: string; readonly error?: undefined } | { readonly subject: null; readonly error: SubjectError };

/** The subject of a file under its mapping; the record strategies need the parsed schema's top-level name. */
export function nameSubject(file: string, mapping: SubjectMapping, schema: Schema | undefined): Naming {
  try {
    return { subject: subjectNameFor(file, mapping, schema !== undefined && isNamed(schema) ? schema.fullName : undefined) };
  } catch (error) {
    if (!(error instanceof SubjectNamingError)) throw error;
    return { subject: null, error: { code: 'SUBJECT_NAMING', message: error.message, file } };
  }
}

export function schemaErrorEntry(error: SchemaError, file: string, text: string | undefined): SubjectError {
  return { code: error.code, message: error.message, ...positionOfError(error, file, text) };
}

/**
 * Two working-tree files that map to one subject would each be checked as its next version, so both
 * become errors naming the other file. A file whose subject a deleted file also had is a move git did
 * not recognise as a rename: its history stayed with the old path, so checking it as a new subject
 * would pass any change; it is an error too.
 */
export function markDuplicateSubjects(subjects: readonly SubjectReport[]): SubjectReport[] {
  const live = new Map<string, SubjectReport[]>();
  const retired = new Map<string, SubjectReport[]>();
  for (const entry of subjects) {
    if (entry.subject === null) continue;
    const byName = entry.status === 'deleted' ? retired : live;
    byName.set(entry.subject, [...(byName.get(entry.subject) ?? []), entry]);
  }
  return subjects.map((entry) => {
    if (entry.subject === null || entry.status === 'deleted') return entry;
    const others = (live.get(entry.subject) ?? []).filter((other) => other !== entry).map((other) => other.file);
    if (others.length > 0) {
      const message = `${entry.file}: ${others.join(', ')} also map${others.length === 1 ? 's' : ''} to subject ${JSON.stringify(entry.subject)}; give each file its own subject in the config`;
      return asError(entry, 'DUPLICATE_SUBJECT', message);
    }
    const moved = (retired.get(entry.subject) ?? []).map((other) => other.file);
    if (moved.length > 0) {
      const message =
        `${entry.file}: subject ${JSON.stringify(entry.subject)} was in ${moved.join(', ')}, which this change deletes; ` +
        'git did not see a rename, so the history would be lost. Move the file with `git mv` in a commit of its own, then edit it';
      return asError(entry, 'SUBJECT_MOVED', message);
    }
    return entry;
  });
}

function asError(entry: SubjectReport, code: string, message: string): SubjectReport {
  return { ...entry, status: 'error', compatible: false, incompatibilities: [], changes: [], error: { code, message, file: entry.file } };
}
