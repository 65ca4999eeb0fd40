/**
 * The PR's schema impact as Markdown: the sticky comment, the job summary and the check-run summary
 * share it. A table per subject (verdict, level, each change in words, deprecation countdowns), then
 * approvals by role and who may still approve. Text from schema files is escaped so it cannot break
 * tables or inject HTML.
 */
import { renderApprovalText, type ApprovalResult } from '../policy/approvals/result.js';
import type { GateResult } from '../policy/deprecation/gate.js';
import { describeVerdict, landingSourceLabel, type DeprecationVerdict } from '../policy/deprecation/window.js';
import type { CheckReport, SubjectReport } from '../policy/report/model.js';
import { encodeVerdictRecord, type VerdictRecord } from '../registry/register/verdict-record.js';
import type { ActionVerdict } from './verdict.js';

export interface MarkdownInput {
  readonly report: CheckReport;
  readonly gates: ReadonlyMap<string, GateResult>;
  readonly approvals: ApprovalResult;
  readonly verdict: ActionVerdict;
  readonly windowDays: number;
}

const ICON = { success: '✅', failure: '❌', neutral: '⚠️' } as const;

export function renderMarkdown(input: MarkdownInput): string {
  const { verdict } = input;
  // First, so a summary cut to GitHub's limit still carries it for `guardrails register`.
  const out = [encodeVerdictRecord(verdictRecord(input)), `## ${ICON[verdict.conclusion]} Schema guardrails: ${escape(verdict.headline)}`, ''];
  for (const problem of verdict.problems) out.push(`- ${escape(problem)}`);
  if (verdict.overriddenBy !== undefined) out.push('', `**Emergency override** by @${escape(verdict.overriddenBy)} (recorded in the report).`);
  out.push('');
  for (const subject of input.report.subjects) out.push(...subjectSection(subject, input.gates.get(subject.file), input.windowDays));
  out.push(...approvalSection(input.approvals));
  return out.join('\n');
}

/**
 * What `guardrails register` reads back from the verified check run (docs/registry-gitops.md): the
 * breaks the window allowed (every breaking subject under an emergency override), who approved.
 */
export function verdictRecord(input: MarkdownInput): VerdictRecord {
  const override = input.verdict.overriddenBy;
  const allowedBreaks = input.report.subjects.flatMap((subject) => {
    const gate = input.gates.get(subject.file);
    const breaking = gate?.breaking === true || subject.status === 'incompatible';
    if (subject.subject === null || !breaking || (override === undefined && gate?.allowed !== true)) return [];
    const matured = mergeVerdicts(gate?.elements ?? [], []).filter((v) => v.status === 'mature').map((v) => v.label);
    return [{ subject: subject.subject, file: subject.file, matured }];
  });
  const approvers = [...new Set(input.approvals.children.flatMap((role) => role.approvers.map((a) => a.login)))].sort();
  return { version: 1, conclusion: input.verdict.conclusion, allowedBreaks, approvers, ...(override !== undefined ? { overriddenBy: override } : {}) };
}

function subjectSection(subject: SubjectReport, gate: GateResult | undefined, windowDays: number): string[] {
  const name = subject.subject ?? subject.file;
  const out = [`### \`${escape(name)}\``, '', '| Verdict | Level | File |', '|---|---|---|'];
  out.push(`| ${verdictOf(subject, gate)} | ${subject.level} | \`${escape(subject.file)}\` |`, '');
  if (subject.error) out.push(`- ❌ ${escape(subject.error.message)}`);
  for (const finding of subject.incompatibilities) out.push(`- ❌ ${escape(finding.description)}${finding.line ? ` (line ${finding.line})` : ''}`);
  for (const change of subject.changes) {
    const mark = change.severity === 'breaking' ? '🔴' : change.severity === 'warning' ? '🟡' : '⚪';
    out.push(`- ${mark} ${escape(change.message)}`);
  }
  if (gate) {
    for (const text of gate.unattributed) out.push(`- 🚫 not allowed by any deprecation: ${escape(text)}`);
    if (gate.registryNeeds) out.push(`- 📋 registry: ${escape(gate.registryNeeds)}`);
    const shown = mergeVerdicts(gate.elements, gate.markers);
    if (shown.length > 0) {
      out.push('', `| Deprecated element | Since (on base) | Removable on (${windowDays}-day window) | Countdown | Defined in |`, '|---|---|---|---|---|');
      for (const v of shown) out.push(countdownRow(v));
      const unproven = shown.filter((v) => v.status === 'unproven');
      if (unproven.length > 0) out.push('');
      for (const v of unproven) out.push(`- ❓ \`${escape(v.label)}\`: ${escape(v.problem ?? 'its deprecation date cannot be proven')}`);
    }
  }
  out.push('');
  return out;
}

function verdictOf(subject: SubjectReport, gate: GateResult | undefined): string {
  if (subject.status === 'error') return '❌ error';
  if (gate?.breaking) return gate.allowed ? '🟠 breaking, allowed (deprecation matured)' : '❌ breaking, blocked';
  if (subject.status === 'incompatible') return '❌ incompatible';
  return subject.status === 'new' ? '🆕 new subject' : subject.status === 'deleted' ? '🗑️ deleted' : '✅ compatible';
}

function mergeVerdicts(elements: readonly DeprecationVerdict[], markers: readonly DeprecationVerdict[]): DeprecationVerdict[] {
  const seen = new Set(elements.map((v) => v.label));
  return [...elements, ...markers.filter((m) => !seen.has(m.label))];
}

function countdownRow(v: DeprecationVerdict): string {
  const label = `\`${escape(v.label)}\``;
  const where = definedIn(v);
  if (v.status === 'unmarked') return `| ${label} | not deprecated on the base branch | — | ❌ mark it deprecated first | ${where} |`;
  if (v.status === 'unproven') return `| ${label} | date not proven (see below) | — | ❓ cannot count down | ${where} |`;
  const left = v.status === 'mature' ? '✅ removable now' : `⏳ ${v.daysLeft} day(s) left`;
  // The source says how much to trust the date: a server record, or a committer date (offline only).
  const source = v.landing === undefined ? '' : ` (${landingSourceLabel(v.landing.source)})`;
  return `| ${label} | ${v.since?.slice(0, 10)}${source} | ${v.removableOn?.slice(0, 10)} | ${left} | ${where} |`;
}

/** The file whose marker dates the element: a shared type's own file, where it was when marked if since renamed. */
function definedIn(v: DeprecationVerdict): string {
  if (v.definedIn === undefined) return '—';
  const moved = v.markedIn === undefined ? '' : ` (marked as \`${escape(v.markedIn)}\`)`;
  return `\`${escape(v.definedIn)}\`${moved}`;
}

function approvalSection(result: ApprovalResult): string[] {
  const out = ['### Approvals', '', `**${result.status}**: ${escape(result.description)}`, ''];
  if (result.children.length > 0) {
    out.push('| Role | Status | Approved by | May still approve |', '|---|---|---|---|');
    for (const role of result.children) {
      const by = role.approvers.map((a) => `@${escape(a.login)}`).join(', ') || '—';
      out.push(`| ${escape(role.name)} | ${role.status} (${escape(role.description)}) | ${by} | ${role.status === 'approved' ? '—' : escape(role.mayStillApprove ?? '')} |`);
    }
    out.push('');
  }
  for (const d of result.dismissed) out.push(`- not counted: @${escape(d.login)}: ${escape(d.reason)}`);
  if (result.override) out.push(`- override: ${escape(result.override.description)}`);
  return out;
}

/** Plain-text form of approvals and deprecations for logs. */
export function renderPlain(input: MarkdownInput): string {
  const lines = [input.verdict.headline, ...input.verdict.problems.map((p) => `- ${p}`)];
  for (const [file, gate] of input.gates) {
    for (const v of mergeVerdicts(gate.elements, gate.markers)) {
      const shared = v.definedIn !== undefined && v.definedIn !== file ? ` (defined in ${v.definedIn})` : '';
      lines.push(`${file}: ${describeVerdict(v)}${shared}`);
    }
  }
  lines.push(renderApprovalText(input.approvals));
  return lines.join('\n');
}

/** Escapes Markdown table pipes and HTML; keeps text on one line. */
export function escape(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}
