/** The report for people: grouped per subject, each finding with its place, the source line and a fix. */
import type { VersionChanges } from './evolution.js';
import { fixFor } from './fixes.js';
import { degradedMessage } from './github.js';
import type { Change, CheckReport, Excerpt, HistoryVersion, Incompatibility, Position, RegistryVerdict, SubjectReport } from './model.js';
import { NO_STYLE, type Style } from './style.js';

export function renderText(report: CheckReport, style: Style = NO_STYLE): string {
  return [...renderTextChunks(report, style)].join('');
}

/** The same text in pieces: the header, then one piece per subject, then the summary. */
export function* renderTextChunks(report: CheckReport, style: Style = NO_STYLE): Generator<string> {
  const lines: string[] = [header(report), ''];
  if (report.degraded) lines.push(style.yellow(`DEGRADED: ${degradedMessage(report)}`), '');
  for (const warning of report.warnings) lines.push(style.yellow(`warning: ${warning}`));
  if (report.warnings.length > 0) lines.push('');
  yield `${lines.join('\n')}\n`;
  for (const subject of report.subjects) yield `${[...renderSubject(subject, report.mode === 'audit', style), ''].join('\n')}\n`;
  yield `${summary(report, style)}\n`;
}

function header(report: CheckReport): string {
  const registry = report.source === 'registry' && report.registryUrl ? ` Verdicts from the Schema Registry at ${report.registryUrl}.` : '';
  return `${baseHeader(report)}${registry}`;
}

function baseHeader(report: CheckReport): string {
  const count = plural(report.subjects.length, 'schema file');
  const base = report.against ? `${report.against.ref} (${short(report.against.commit)}, merge-base ${short(report.against.mergeBase)})` : '';
  switch (report.mode) {
    case 'changed':
      return `Checked ${count} changed since ${base}.`;
    case 'all':
      return `Checked all ${count} against ${base}.`;
    case 'audit':
      return `No schema file changed since ${base}; audited the committed history of ${count}.`;
    case 'files': {
      const entry = report.subjects[0];
      return `Checked ${entry?.file ?? 'the candidate'} against ${plural(entry?.history.length ?? 0, 'older version')}.`;
    }
  }
}

function renderSubject(entry: SubjectReport, audit: boolean, style: Style): string[] {
  const failed = entry.status === 'incompatible' || entry.status === 'error';
  const mark = failed ? style.red('✗') : style.green('✓');
  const name = entry.subject === null ? '' : `${style.bold(entry.subject)}  `;
  const moved = entry.previousFile ? ` (renamed from ${entry.previousFile})` : '';
  const verdict = failed ? style.red(verdictOf(entry, audit)) : style.green(verdictOf(entry, audit));
  const lines = [`${mark} ${name}${entry.file}${moved}  ${entry.level}  ${verdict}`];
  for (const warning of entry.warnings) lines.push(style.yellow(`  warning: ${warning}`));
  if (entry.registry) lines.push(...registryLines(entry.registry, style));
  if (entry.error) {
    lines.push(`  ${style.red('error:')} ${entry.error.message}`, ...excerptLines(entry.error, '    ', style));
  }
  entry.incompatibilities.forEach((finding, i) => lines.push(...renderFinding(finding, i + 1, entry.history, style)));
  if (entry.evolution) lines.push(...renderEvolution(entry.history, entry.evolution.unpack(), style));
  if (entry.changes.length > 0) lines.push('  changes:', ...entry.changes.flatMap((change) => renderChange(change, style)));
  return lines;
}

function verdictOf(entry: SubjectReport, audit: boolean): string {
  switch (entry.status) {
    case 'incompatible':
      return `incompatible (${plural(entry.incompatibilities.length, 'problem')})`;
    case 'compatible':
      if (audit) return entry.history.length === 1 ? 'one version, unchanged' : `${entry.history.length} versions, each compatible with the ones before`;
      return `compatible with ${plural(entry.history.length, 'earlier version')}`;
    case 'new':
      return 'new subject (no earlier version)';
    case 'deleted':
      return `deleted (the subject is retired after ${plural(entry.history.length, 'version')})`;
    case 'error':
      return 'error';
  }
}

function renderFinding(finding: Incompatibility, index: number, history: readonly HistoryVersion[], style: Style): string[] {
  const against = versionLabel(finding.version, history);
  const candidate = finding.candidateVersion === undefined ? '' : `${versionLabel(finding.candidateVersion, history)} `;
  return [
    `  ${index}) ${style.red(finding.type)} at ${where(finding)}`,
    `     ${candidate}${finding.direction === 'backward' ? 'cannot read data of' : 'cannot be read by'} ${against}`,
    `     ${finding.description}`,
    ...excerptLines(finding, '     ', style),
    `     ${style.bold('fix:')} ${fixFor(finding)}`,
  ];
}

function renderChange(change: Change, style: Style): string[] {
  const color = change.severity === 'breaking' ? style.red : change.severity === 'warning' ? style.yellow : style.dim;
  const at = change.position?.line !== undefined ? ` (${where(change.position)})` : '';
  const lines = [`    ${color(change.severity.padEnd(8))} ${change.path}: ${change.message}${at}`];
  if (change.reason) lines.push(`             ${style.dim(`why it matters: ${change.reason}`)}`);
  return lines;
}

/** Audits: one line per committed version, then what it changed. */
function renderEvolution(history: readonly HistoryVersion[], perVersion: VersionChanges, style: Style): string[] {
  const lines = ['  history:'];
  for (const [i, version] of history.entries()) {
    const origin = version.commit ? `${short(version.commit)} ${version.date?.slice(0, 10) ?? ''}`.trimEnd() : version.file;
    const changes = perVersion[i];
    const what = changes === undefined ? 'first version' : changes.length === 0 ? 'no schema change' : plural(changes.length, 'change');
    lines.push(`    v${version.version + 1}  ${style.dim(origin)}  ${what}`);
    for (const change of changes ?? []) lines.push(...renderChange(change, style).map((line) => `  ${line}`));
  }
  return lines;
}

/** What the registry said, the cross-check, the references sent and the registry's own messages. */
function registryLines(registry: RegistryVerdict, style: Style): string[] {
  const refs = registry.references.map((r) => `${r.name} → ${r.subject} v${r.version}`).join(', ');
  const lines = [`  ${style.dim('registry:')} ${registry.verdict}; local engine on the registry's versions: ${registry.local}`];
  if (refs !== '') lines.push(`  ${style.dim('references sent:')} ${refs}`);
  // The quoted old schema is long and already shown as the history version; JSON keeps it.
  for (const message of registry.messages.filter((m) => !m.startsWith('{oldSchema:'))) lines.push(`    ${style.dim(message.length > 300 ? `${message.slice(0, 299)}…` : message)}`);
  return lines;
}

function versionLabel(version: number, history: readonly HistoryVersion[]): string {
  const meta = history[version];
  if (meta?.registry) return `version ${version + 1} of ${history.length} (registry version ${meta.registry.version}, id ${meta.registry.id})`;
  const origin = meta?.commit ? ` (commit ${short(meta.commit)}${meta.date ? `, ${meta.date}` : ''})` : meta ? ` (${meta.file})` : '';
  return `version ${version + 1} of ${history.length}${origin}`;
}

/** `file:line:column`, plus the commit for a committed version. */
function where(position: Position): string {
  const at = position.line === undefined ? position.file : `${position.file}:${position.line}:${position.column ?? 1}`;
  return position.commit ? `${at} at commit ${short(position.commit)}` : at;
}

function excerptLines(position: Position, indent: string, style: Style): string[] {
  const excerpt: Excerpt | undefined = position.excerpt;
  if (position.line === undefined || excerpt === undefined) return [];
  const gutter = String(position.line);
  const pad = ' '.repeat(gutter.length);
  return [
    `${indent}${style.dim(`${gutter} |`)} ${excerpt.text}`,
    `${indent}${style.dim(`${pad} |`)} ${' '.repeat(Math.max(0, excerpt.column - 1))}${style.red('^')}`,
  ];
}

function summary(report: CheckReport, style: Style): string {
  const counts = new Map<string, number>();
  for (const entry of report.subjects) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const order = ['error', 'incompatible', 'compatible', 'new', 'deleted'];
  const parts = order
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${status === 'error' && counts.get(status) !== 1 ? 'errors' : status}`);
  const degraded = report.degraded ? ' (DEGRADED: git history, not the registry)' : '';
  const text = `${parts.length > 0 ? parts.join(', ') : 'no schema files'}${degraded}`;
  return report.ok ? style.green(`${text}: OK`) : style.red(`${text}: FAILED`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function short(commit: string): string {
  return commit.slice(0, 12);
}
