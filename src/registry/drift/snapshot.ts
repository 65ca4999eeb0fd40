/**
 * The registry's side of `guardrails drift`, read only: every version (soft-deleted ones too) in
 * one listing, and each subject's effective level and mode. Reads go through the client's
 * concurrency limit and retries; a registry that cannot answer is a RegistryError (exit 4).
 */
import type { RegistryClient } from '../client.js';
import type { CompatibilityLevel, RegisteredSchema } from '../types.js';
import { comparableForm } from './canonical.js';
import type { RegistrySnapshot, SnapshotSubject, SnapshotVersion } from './model.js';

/**
 * `subjects`: the subjects guardrails.yaml maps; their level and mode are read even when the
 * registry does not have them, so a missing subject still reports its configuration.
 */
export async function readRegistrySnapshot(client: RegistryClient, managed: readonly string[]): Promise<RegistrySnapshot> {
  // No subjectPrefix: the server's default covers every context (a bare `:*:` would mean named contexts only).
  // The live-only listing too, because servers that omit the `deleted` flag would make soft-deleted versions look live.
  const [all, liveRows, globalConfig, globalMode] = await Promise.all([
    client.listSchemas({ deleted: true }),
    client.listSchemas(),
    client.getGlobalConfig(),
    client.getGlobalMode(),
  ]);
  const liveKeys = new Set(liveRows.map((r) => `${r.subject}\u0000${r.version}`));
  const schemas = all.map((r) => (r.deleted || liveKeys.has(`${r.subject}\u0000${r.version}`) ? r : { ...r, deleted: true }));
  const bySubject = new Map<string, RegisteredSchema[]>();
  for (const schema of schemas) bySubject.set(schema.subject, [...(bySubject.get(schema.subject) ?? []), schema]);
  const live = [...bySubject.entries()].filter(([, versions]) => versions.some((v) => !v.deleted)).map(([subject]) => subject);
  const names = [...new Set([...bySubject.keys(), ...managed])];
  // Levels matter for the subjects git manages; modes for every live subject.
  const subjects = await Promise.all(
    names.map(async (subject): Promise<SnapshotSubject> => {
      const wantLevel = managed.includes(subject);
      const wantMode = live.includes(subject);
      const [config, mode] = await Promise.all([
        wantLevel ? client.getSubjectConfig(subject) : Promise.resolve(undefined),
        wantMode ? client.getSubjectMode(subject) : Promise.resolve(undefined),
      ]);
      const level: CompatibilityLevel | undefined = config?.compatibilityLevel ?? globalConfig.compatibilityLevel;
      return { subject, versions: (bySubject.get(subject) ?? []).map(versionOf).sort((a, b) => a.version - b.version), level, mode: mode ?? globalMode };
    }),
  );
  return { subjects: new Map(subjects.map((s) => [s.subject, s])) };
}

function versionOf(schema: RegisteredSchema): SnapshotVersion {
  const avro = schema.schemaType === 'AVRO';
  return {
    version: schema.version,
    id: schema.id,
    form: avro ? comparableForm(schema.schema) : undefined,
    schemaType: schema.schemaType,
    deleted: schema.deleted,
    references: schema.references.map((r) => ({ subject: r.subject, version: r.version })),
  };
}
