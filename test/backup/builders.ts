/** Builders for snapshots and versions in pure tests. */
import type { RegistrySnapshot, ScopeSettings, SubjectRecord, VersionRecord } from '../../src/backup/model.js';

export function v(subject: string, version: number, id: number, more: Partial<VersionRecord> = {}): VersionRecord {
  return { subject, version, id, schemaType: 'AVRO', schema: `{"type":"record","name":"R${id}","fields":[]}`, references: [], deleted: false, ...more };
}

export function snapshot(versions: readonly VersionRecord[], settings: Record<string, ScopeSettings> = {}, more: Partial<RegistrySnapshot> = {}): RegistrySnapshot {
  const subjects = new Map<string, SubjectRecord>();
  for (const x of versions) {
    const entry = subjects.get(x.subject) ?? { subject: x.subject, settings: settings[x.subject] ?? {}, versions: [] };
    subjects.set(x.subject, { ...entry, versions: [...entry.versions, x] });
  }
  return { global: {}, contexts: new Map(), subjects, maxIds: {}, ...more };
}
