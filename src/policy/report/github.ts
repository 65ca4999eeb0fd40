/**
 * GitHub Actions workflow commands: an `::error` annotation at the exact line of every incompatibility
 * and subject error, a `::warning` for semantic-diff warnings and report warnings, then a summary line.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { fixFor } from './fixes.js';
import type { CheckReport, Position, SubjectReport } from './model.js';

export function renderGithub(report: CheckReport): string {
  const lines: string[] = [];
  if (report.degraded) lines.push(command('warning', { title: 'guardrails: DEGRADED (offline fallback)' }, degradedMessage(report)));
  for (const warning of report.warnings) lines.push(command('warning', {}, warning));
  for (const entry of report.subjects) lines.push(...subjectCommands(entry));
  const failed = report.subjects.filter((s) => s.status === 'incompatible' || s.status === 'error').length;
  const source = report.degraded ? ' (DEGRADED: git history, not the registry)' : report.source === 'registry' ? ' against the registry' : '';
  lines.push(`guardrails: ${report.subjects.length} schema file(s) checked${source}, ${failed} failed: ${report.ok ? 'OK' : 'FAILED'}`);
  return `${lines.join('\n')}\n`;
}

/** The one line every output uses to say a check degraded to the git history. */
export function degradedMessage(report: CheckReport): string {
  const where = report.registryUrl ? ` at ${report.registryUrl}` : '';
  return `the Schema Registry${where} was unavailable, so this is the offline git-history check (on-registry-unavailable: offline), not the registry's verdict: ${report.degraded?.reason ?? ''}`;
}

function subjectCommands(entry: SubjectReport): string[] {
  const name = entry.subject ?? entry.file;
  const lines = entry.warnings.map((warning) => command('warning', { file: entry.file, title: `${name}: warning` }, warning));
  if (entry.error) {
    lines.push(command('error', { ...at(entry.error), title: `${name}: ${entry.error.code}` }, entry.error.message));
  }
  for (const finding of entry.incompatibilities) {
    const committed = finding.commit ? ` (in the version committed as ${finding.commit.slice(0, 12)})` : '';
    const message = `${finding.description}${committed}. Fix: ${fixFor(finding)}.`;
    lines.push(command('error', { ...at(finding), title: `${name}: ${finding.type} (${entry.level})` }, message));
  }
  for (const change of entry.changes) {
    if (change.severity !== 'warning') continue;
    const message = change.reason ? `${change.message.replace(/\.?$/, '.')} ${change.reason}` : change.message;
    lines.push(command('warning', { ...(change.position ? at(change.position) : { file: entry.file }), title: `${name}: ${change.rule}` }, message));
  }
  return lines;
}

/**
 * File, line and column; a committed version's lines are not the working tree's, so such a position
 * annotates the file without a line.
 */
function at(position: Position): Record<string, string> {
  if (position.commit !== undefined || position.line === undefined) return { file: position.file };
  return { file: position.file, line: String(position.line), col: String(position.column ?? 1) };
}

export function command(name: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Message text: `%`, CR and LF are encoded so one annotation stays on one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
