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
 * become errors naming the other file.
 */
export function markDuplicateSubjects(subjects: readonly SubjectReport[]): SubjectReport[] {
  const byName = new Map<string, SubjectReport[]>();
  for (const entry of subjects) {
    if (entry.subject === null || entry.status === 'deleted') continue;
    byName.set(entry.subject, [...(byName.get(entry.subject) ?? []), entry]);
  }
  return subjects.map((entry) => {
    const same = entry.subject === null || entry.status === 'deleted' ? [] : (byName.get(entry.subject) ?? []);
    if (same.length < 2) return entry;
    const others = same.filter((other) => other !== entry).map((other) => other.file);
    const message = `${entry.file}: ${others.join(', ')} also map${others.length === 1 ? 's' : ''} to subject ${JSON.stringify(entry.subject)}; give each file its own subject in the config`;
    return { ...entry, status: 'error', compatible: false, incompatibilities: [], changes: [], error: { code: 'DUPLICATE_SUBJECT', message, file: entry.file } };
  });
}
