/**
 * The PR's overall verdict from the check report, the deprecation gates and the approvals. Pure.
 * Fails closed: a subject that could not be checked, an unproven breaking change, or approvals that
 * cannot be verified all fail; only a Platform Lead's emergency label overrides, and it is recorded.
 */
import type { ApprovalResult } from '../policy/approvals/result.js';
import type { GateResult } from '../policy/deprecation/gate.js';
import type { CheckReport } from '../policy/report/model.js';
import type { ActionSettings } from './inputs.js';

export interface ActionVerdict {
  readonly conclusion: 'success' | 'failure' | 'neutral';
  /** Every changed subject passes its level check and none is in error. */
  readonly compatible: boolean;
  /** Breaking changes (gated elements, unattributed breaks, deleted subjects). */
  readonly breakingChanges: number;
  readonly approvalsSatisfied: boolean;
  /** Deprecation markers on the changed subjects still inside their window. */
  readonly deprecationsPending: number;
  /** Why the check fails (or would fail, when overridden or report-only), one line each. */
  readonly problems: readonly string[];
  /** Set when a valid emergency override turned a failure into a pass. */
  readonly overriddenBy?: string;
  /** One line for titles and logs. */
  readonly headline: string;
}

export interface VerdictInput {
  readonly report: CheckReport;
  readonly gates: ReadonlyMap<string, GateResult>;
  readonly approvals: ApprovalResult;
  readonly settings: Pick<ActionSettings, 'failOn' | 'mode'>;
}

export function decideVerdict(input: VerdictInput): ActionVerdict {
  const { report, gates, approvals } = input;
  const changed = report.mode !== 'audit';
  const problems: string[] = [];
  const errors = report.subjects.filter((s) => s.status === 'error');
  if (errors.length > 0) problems.push(`${errors.length} schema file(s) could not be checked`);
  let breakingChanges = 0;
  for (const [file, gate] of gates) {
    if (!gate.breaking) continue;
    breakingChanges += Math.max(1, gate.elements.length + gate.unattributed.length);
    if (!gate.allowed) problems.push(`${file}: breaking change not covered by a matured deprecation`);
  }
  const incompatible = changed ? report.subjects.filter((s) => s.status === 'incompatible') : [];
  for (const subject of incompatible) {
    if (!gates.has(subject.file)) problems.push(`${subject.file}: incompatible at ${subject.level}`);
  }
  if (input.settings.failOn === 'warning' && changed) {
    const warned = report.subjects.filter((s) => s.changes.some((c) => c.severity === 'warning')).length;
    if (warned > 0) problems.push(`${warned} schema file(s) have warnings and fail-on is warning`);
  }
  const approvalsSatisfied = approvals.status === 'approved' || approvals.status === 'skipped';
  if (!approvalsSatisfied) problems.push(`approvals ${approvals.status}: ${approvals.description}`);
  const deprecationsPending = [...gates.values()].reduce((n, g) => n + g.markers.filter((m) => m.status === 'pending').length, 0);
  const override = approvals.override?.valid ? approvals.override : undefined;
  const failed = problems.length > 0 && override === undefined;
  const conclusion = !failed ? 'success' : input.settings.mode === 'report-only' ? 'neutral' : 'failure';
  const compatible = errors.length === 0 && incompatible.length === 0;
  return {
    conclusion,
    compatible,
    breakingChanges,
    approvalsSatisfied,
    deprecationsPending,
    problems,
    ...(override?.appliedBy !== undefined && problems.length > 0 && { overriddenBy: override.appliedBy }),
    headline: headline(report, problems, override !== undefined, breakingChanges),
  };
}

function headline(report: CheckReport, problems: readonly string[], overridden: boolean, breaking: number): string {
  const files = `${report.subjects.length} schema file(s)`;
  if (report.mode === 'audit') return `no schema change; audited ${files}`;
  if (problems.length === 0) return `${files} checked: OK${breaking > 0 ? ` (${breaking} allowed breaking change(s))` : ''}`;
  if (overridden) return `${files} checked: ${problems.length} problem(s) overridden by the emergency label`;
  return `${files} checked: ${problems.length} problem(s)`;
}

/**
 * The check run's name: the configured name, the base branch, and a mark for report-only runs.
 * The base branch is part of the name (as policy-bot puts it in its status context) so that a green
 * run computed against one base cannot satisfy the required check of another after the PR is
 * retargeted (policy-bot #57, #753). Report-only runs publish under their own name: the required
 * check must never receive the neutral (mergeable) conclusion a report-only run gives a failing change.
 */
export function checkNameFor(settings: Pick<ActionSettings, 'checkName' | 'mode'>, baseRef: string): string {
  return `${settings.checkName}: ${baseRef}${settings.mode === 'report-only' ? ' (report only)' : ''}`;
}
