/**
 * Check-run annotations at the exact `.avsc` line of every finding: incompatibilities and subject
 * errors fail, breaking changes the window does not allow fail, warnings warn, pending deprecations
 * are notices. Positions in committed versions (audits) annotate the file without a line.
 */
import type { CheckAnnotation } from '../github/api/checks.js';
import type { GateResult } from '../policy/deprecation/gate.js';
import type { CheckReport, Position } from '../policy/report/model.js';

export function annotationsOf(report: CheckReport, gates: ReadonlyMap<string, GateResult>): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const subject of report.subjects) {
    const name = subject.subject ?? subject.file;
    const gate = gates.get(subject.file);
    if (subject.error) out.push(at(subject.error, subject.file, 'failure', `${name}: ${subject.error.code}`, subject.error.message));
    for (const finding of subject.incompatibilities) {
      const level = gate?.allowed ? 'warning' : 'failure';
      out.push(at(finding, subject.file, level, `${name}: ${finding.type} (${subject.level})`, finding.description));
    }
    for (const change of subject.changes) {
      if (change.severity === 'info') continue;
      const level = change.severity === 'breaking' && !gate?.allowed ? 'failure' : 'warning';
      const message = change.reason ? `${change.message} ${change.reason}` : change.message;
      out.push(at(change.position, subject.file, level, `${name}: ${change.rule}`, message));
    }
    for (const verdict of gate?.markers ?? []) {
      if (verdict.status !== 'pending') continue;
      const message = `deprecated since ${verdict.since?.slice(0, 10)}; removable on ${verdict.removableOn?.slice(0, 10)} (${verdict.daysLeft} day(s) left)`;
      out.push(at(undefined, subject.file, 'notice', `${name}: ${verdict.label} deprecated`, message));
    }
  }
  return out;
}

function at(position: Position | undefined, file: string, level: CheckAnnotation['annotation_level'], title: string, message: string): CheckAnnotation {
  const usable = position !== undefined && position.commit === undefined && position.line !== undefined;
  const line = usable ? (position.line as number) : 1;
  return {
    path: usable ? position.file : file,
    start_line: line,
    end_line: line,
    ...(usable && position.column !== undefined && { start_column: position.column, end_column: position.column }),
    annotation_level: level,
    title: title.slice(0, 255),
    message: message.slice(0, 64000),
  };
}
