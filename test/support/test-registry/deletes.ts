/**
 * Soft and hard deletes (KafkaSchemaRegistry.deleteSubject / deleteSchemaVersion,
 * AbstractSchemaRegistry.validateDeleteSchemaVersion). A hard delete needs a soft delete first.
 */
import { fail } from './failures.js';
import { parseVersion } from './reads.js';
import { readSubject } from './request-body.js';
import { contextOf, requireSubject, type RegistryState, type StoredVersion } from './state.js';

export function deleteSubject(state: RegistryState, rawSubject: string, permanent: boolean): number[] {
  const subject = readSubject(rawSubject);
  requireSubject(state, subject, true);
  if (!permanent && !state.hasSubject(subject, false)) throw fail.subjectSoftDeleted(subject);
  refuseWhenReadOnly(state, subject);
  const targets = permanent ? state.all(subject) : state.live(subject);
  for (const v of targets) {
    const others = state.referrers(subject, v.version, permanent).filter((r) => r.subject !== subject);
    if (others.length) throw fail.referenceExists(keyText(v));
  }
  if (permanent && targets.some((v) => !v.deleted)) throw fail.subjectNotSoftDeleted(subject);
  if (permanent) {
    state.versions.delete(subject);
    forgetSubjectSettings(state, subject);
  } else {
    for (const v of targets) v.deleted = true;
  }
  return targets.map((v) => v.version);
}

export function deleteVersion(state: RegistryState, rawSubject: string, versionText: string, permanent: boolean): number {
  const subject = readSubject(rawSubject);
  const version = parseVersion(versionText);
  const found = version === 'latest' ? state.latestLive(subject) : state.find(subject, version);
  if (!found) {
    requireSubject(state, subject, true);
    throw fail.versionNotFound(version === 'latest' ? -1 : version);
  }
  if (!permanent && found.deleted) throw fail.versionSoftDeleted(subject, found.version);
  refuseWhenReadOnly(state, subject);
  if (state.referrers(subject, found.version, permanent).length) throw fail.referenceExists(keyText(found));
  if (permanent && !found.deleted) throw fail.versionNotSoftDeleted(subject, found.version);
  if (!permanent) {
    found.deleted = true;
    return found.version;
  }
  const rest = state.all(subject).filter((v) => v !== found);
  if (rest.length) state.versions.set(subject, rest);
  else {
    state.versions.delete(subject);
    forgetSubjectSettings(state, subject);
  }
  return found.version;
}

/** Removes every soft-deleted version in `subjects` (entering IMPORT does this); 42206 if referenced. */
export function purgeSoftDeleted(state: RegistryState, subjects: readonly string[]): void {
  const doomed = new Set(subjects.flatMap((s) => state.all(s)));
  for (const v of doomed) {
    if (state.referrers(v.subject, v.version, true).some((r) => !doomed.has(r))) throw fail.referenceExists(keyText(v));
  }
  for (const s of subjects) state.versions.delete(s);
}

function refuseWhenReadOnly(state: RegistryState, subject: string): void {
  const mode = state.modeInScope(subject);
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    throw fail.notPermitted(`Subject ${subject} in context ${contextOf(subject)} is in read-only mode`);
  }
}

/** A hard-deleted subject loses its config and mode too. */
function forgetSubjectSettings(state: RegistryState, subject: string): void {
  state.configs.delete(subject);
  state.modes.delete(subject);
}

/** Guess at SchemaKey.toString(); only the error code is documented. */
function keyText(v: StoredVersion): string {
  return `{subject=${v.subject},version=${v.version}}`;
}
