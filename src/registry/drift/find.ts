/**
 * The pure core of `guardrails drift`: the default branch's subjects and a registry snapshot in,
 * every drift between them out, each with the subject, the version and what to do.
 */
import { itemKey } from '../../postmortem/sync/key.js';
import type { DriftFinding, DriftKind, RegistrySnapshot, RepositorySubject, SnapshotSubject, SnapshotVersion } from './model.js';

/** The drift issues' namespace in the follow-ups' key scheme. */
export const DRIFT_SCOPE = 'registry-drift';

export interface DriftScope {
  /**
   * Whether a registry subject that no file maps to belongs to this repository (default: every
   * subject does). Others, in a registry shared with other teams, are neither unmanaged nor checked.
   */
  readonly owns?: (subject: string) => boolean;
}

export function findDrift(repository: readonly RepositorySubject[], registry: RegistrySnapshot, scope: DriftScope = {}): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const managed = new Map(repository.map((entry) => [entry.subject, entry]));
  const inScope = (subject: string) => managed.has(subject) || (scope.owns?.(subject) ?? true);
  for (const entry of repository) findings.push(...subjectDrift(entry, registry.subjects.get(entry.subject)));
  for (const snapshot of registry.subjects.values()) {
    const live = liveVersions(snapshot);
    if (live.length === 0 || !inScope(snapshot.subject)) continue;
    if (!managed.has(snapshot.subject)) {
      const latest = live[live.length - 1]!;
      findings.push(finding('unmanaged-subject', snapshot.subject, latest, null, {
        expected: 'no schema file maps to this subject',
        actual: `${live.length} live version(s)`,
        action: `add its schema file and a guardrails.yaml mapping, or soft-delete the subject (DELETE /subjects/${encodeURIComponent(snapshot.subject)}) once no producer uses it`,
      }));
    }
    if (snapshot.mode !== 'READWRITE') {
      findings.push(finding('mode-not-readwrite', snapshot.subject, null, managed.get(snapshot.subject)?.file ?? null, {
        expected: 'READWRITE',
        actual: snapshot.mode,
        action: `put the mode back (PUT /mode/${encodeURIComponent(snapshot.subject)} {"mode":"READWRITE"}, or DELETE the override); IMPORT is usually left behind by an interrupted restore`,
      }));
    }
  }
  findings.push(...deletedButReferenced(registry).filter((f) => inScope(f.subject)));
  return findings.sort(byKindThenSubject);
}

function subjectDrift(entry: RepositorySubject, snapshot: SnapshotSubject | undefined): DriftFinding[] {
  const live = snapshot ? liveVersions(snapshot) : [];
  if (live.length === 0) {
    const deleted = (snapshot?.versions.length ?? 0) > 0;
    return [finding('missing-subject', entry.subject, null, entry.file, {
      expected: `registered from ${entry.file}`,
      actual: deleted ? 'soft-deleted' : 'not registered',
      action: deleted
        ? 'the subject was soft-deleted: run guardrails register to register the file again, or remove the file if the subject is retired'
        : 'run guardrails register (the register workflow on the default branch) to register it',
    })];
  }
  const found: DriftFinding[] = [];
  const latest = live[live.length - 1]!;
  if (latest.form !== entry.head) {
    const older = live.find((v) => v.form === entry.head);
    found.push(finding('latest-mismatch', entry.subject, latest, entry.file, {
      expected: `the schema in ${entry.file}`,
      actual: older ? `version ${latest.version} differs; the file is registered as older version ${older.version}` : `version ${latest.version} differs from the file`,
      action: entry.history.has(latest.form ?? '')
        ? 'the registry is behind the default branch: run guardrails register'
        : 'find who registered it (auto.register.schemas=true, a hand-run curl); then update the file through a pull request, or register the file again',
    }));
  }
  for (const version of live) {
    if (version.form !== undefined && entry.history.has(version.form)) continue;
    found.push(finding('foreign-version', entry.subject, version, entry.file, {
      expected: `a revision of ${entry.file} in git`,
      actual: 'matches no revision of the file',
      action: 'it was registered outside the register workflow (auto.register.schemas=true, a hand-run curl): turn auto-registration off, then commit the schema through a pull request or soft-delete the version',
    }));
  }
  if (snapshot && snapshot.level !== undefined && snapshot.level !== entry.level) {
    found.push(finding('level-mismatch', entry.subject, null, entry.file, {
      expected: entry.level,
      actual: snapshot.level,
      action: `set it to ${entry.level} (PUT /config/${encodeURIComponent(entry.subject)} {"compatibility":"${entry.level}"}), or change guardrails.yaml through a pull request`,
    }));
  }
  return found;
}

/** Soft-deleted versions that a live version still refers to: a hard delete would break the referrer. */
function deletedButReferenced(registry: RegistrySnapshot): DriftFinding[] {
  const referrers = new Map<string, string[]>();
  for (const snapshot of registry.subjects.values()) {
    for (const version of liveVersions(snapshot)) {
      for (const reference of version.references) {
        const target = `${reference.subject}\n${reference.version}`;
        referrers.set(target, [...(referrers.get(target) ?? []), `${snapshot.subject} version ${version.version}`]);
      }
    }
  }
  const found: DriftFinding[] = [];
  for (const snapshot of registry.subjects.values()) {
    for (const version of snapshot.versions) {
      const users = version.deleted ? referrers.get(`${snapshot.subject}\n${version.version}`) : undefined;
      if (!users) continue;
      found.push(finding('deleted-but-referenced', snapshot.subject, version, null, {
        expected: 'a referenced version stays live',
        actual: `soft-deleted, still referenced by ${users.join(', ')}`,
        action: 'register the version again (same schema: same id), or move the referrers to a live version before deleting it for good',
      }));
    }
  }
  return found;
}

function liveVersions(snapshot: SnapshotSubject): SnapshotVersion[] {
  return snapshot.versions.filter((v) => !v.deleted);
}

/** Which part of a finding names it: versions only where the drift is about that one version. */
const VERSIONED: ReadonlySet<DriftKind> = new Set(['foreign-version', 'deleted-but-referenced']);

function finding(
  kind: DriftKind,
  subject: string,
  version: SnapshotVersion | null,
  file: string | null,
  text: { expected: string | null; actual: string | null; action: string },
): DriftFinding {
  // Hex keeps the subject's punctuation, which the key scheme's normalisation would fold away.
  const identity = [kind, Buffer.from(subject, 'utf8').toString('hex'), VERSIONED.has(kind) ? String(version?.version) : ''].join(' ');
  return { kind, subject, version: version?.version ?? null, id: version?.id ?? null, file, ...text, key: itemKey(DRIFT_SCOPE, identity) };
}

function byKindThenSubject(a: DriftFinding, b: DriftFinding): number {
  return a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject) || (a.version ?? 0) - (b.version ?? 0);
}
