/**
 * The stable JSON report (docs/report-format.md): an explicit projection of the report model, so
 * internal fields (excerpts) never leak and every documented field is always present (null when
 * unknown).
 */
import type { Change, CheckReport, Incompatibility, Position, SubjectError, SubjectReport } from './model.js';

export function renderJson(report: CheckReport): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The same document as `JSON.stringify(toJson(report), null, 2)`, byte for byte, in pieces: the
 * subjects array one entry at a time, so a report of a whole repository's history is never one string.
 */
export function* renderJsonChunks(report: CheckReport): Generator<string> {
  const frame = JSON.stringify(toJson({ ...report, subjects: [] }), null, 2);
  const marker = '\n  "subjects": [],\n';
  const at = frame.indexOf(marker);
  if (at < 0) throw new Error('internal: the JSON report has no subjects array');
  if (report.subjects.length === 0) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}\n  "subjects": [\n`;
  const last = report.subjects.length - 1;
  for (const [i, entry] of report.subjects.entries()) {
    // JSON text has no raw line breaks inside strings, so re-indenting by lines is exact.
    yield `    ${JSON.stringify(subjectJson(entry), null, 2).replace(/\n/g, '\n    ')}${i === last ? '\n' : ',\n'}`;
  }
  yield `  ],\n${frame.slice(at + marker.length)}\n`;
}

export function toJson(report: CheckReport) {
  return {
    reportVersion: report.reportVersion,
    ok: report.ok,
    mode: report.mode,
    against: report.against && { ref: report.against.ref, commit: report.against.commit, mergeBase: report.against.mergeBase },
    subjects: report.subjects.map(subjectJson),
    warnings: [...report.warnings],
    source: report.source ?? 'git',
    registryUrl: report.registryUrl ?? null,
    degraded: report.degraded ? { reason: report.degraded.reason } : null,
  };
}

function subjectJson(entry: SubjectReport) {
  const evolution = entry.evolution?.unpack();
  return {
    subject: entry.subject,
    file: entry.file,
    previousFile: entry.previousFile ?? null,
    level: entry.level,
    status: entry.status,
    compatible: entry.compatible,
    incompatibilities: entry.incompatibilities.map(incompatibilityJson),
    changes: entry.changes.map(changeJson),
    history: entry.history.map((v, i) => ({
      version: v.version,
      commit: v.commit ?? null,
      date: v.date ?? null,
      file: v.file,
      changes: evolution?.[i]?.map(changeJson) ?? null,
      registryVersion: v.registry?.version ?? null,
      registryId: v.registry?.id ?? null,
    })),
    error: entry.error ? errorJson(entry.error) : null,
    warnings: [...entry.warnings],
    registry: entry.registry
      ? {
          verdict: entry.registry.verdict,
          messages: [...entry.registry.messages],
          local: entry.registry.local,
          references: entry.registry.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
        }
      : null,
  };
}

function incompatibilityJson(finding: Incompatibility) {
  return {
    type: finding.type,
    location: finding.location,
    message: finding.message,
    description: finding.description,
    ...place(finding),
    version: finding.version,
    direction: finding.direction,
    candidateVersion: finding.candidateVersion ?? null,
  };
}

function changeJson(change: Change) {
  return {
    rule: change.rule,
    severity: change.severity,
    path: change.path,
    message: change.message,
    reason: change.reason ?? null,
    ...(change.position ? place(change.position) : { file: null, line: null, column: null, commit: null }),
  };
}

function errorJson(error: SubjectError) {
  return { code: error.code, message: error.message, ...place(error) };
}

function place(position: Position) {
  return { file: position.file, line: position.line ?? null, column: position.column ?? null, commit: position.commit ?? null };
}
