/**
 * Where the verdict goes: step outputs, the job summary, this evaluation's own check run (with
 * annotations; the newest run decides, docs/security.md), the sticky PR comment and optional metrics. Outputs and the summary never need a token, so fork PRs
 * with a read-only token still get the complete verdict there and in the exit code.
 */
import { fitMarkdown } from '../github/api/truncate.js';
import { toJson } from '../policy/report/json.js';
import type { CheckReport } from '../policy/report/model.js';
import type { ApprovalResult } from '../policy/approvals/result.js';
import type { GateResult } from '../policy/deprecation/gate.js';
import type { ActionVerdict } from './verdict.js';

/** Largest job summary written, in UTF-8 bytes: GitHub drops a step's summary over 1 MiB, so keep a margin. */
export const MAX_SUMMARY_BYTES = 1_000_000;

export interface ResultDocument {
  readonly report: CheckReport;
  readonly gates: ReadonlyMap<string, GateResult>;
  readonly approvals: ApprovalResult;
  readonly verdict: ActionVerdict;
  readonly policy: string;
}

/** The `result` output: the stable JSON report plus the PR verdict, approvals and deprecations. */
export function resultJson(doc: ResultDocument): string {
  return JSON.stringify({
    ...toJson(doc.report),
    policy: doc.policy,
    verdict: {
      conclusion: doc.verdict.conclusion,
      compatible: doc.verdict.compatible,
      breakingChanges: doc.verdict.breakingChanges,
      approvalsSatisfied: doc.verdict.approvalsSatisfied,
      deprecationsPending: doc.verdict.deprecationsPending,
      problems: doc.verdict.problems,
      overriddenBy: doc.verdict.overriddenBy ?? null,
    },
    approvals: doc.approvals,
    deprecation: Object.fromEntries(doc.gates),
  });
}

/** The five documented outputs, as strings. */
export function outputsOf(doc: ResultDocument): Record<string, string> {
  return {
    result: resultJson(doc),
    compatible: String(doc.verdict.compatible),
    'breaking-changes': String(doc.verdict.breakingChanges),
    'approvals-satisfied': String(doc.verdict.approvalsSatisfied),
    'deprecations-pending': String(doc.verdict.deprecationsPending),
  };
}

export function truncateSummary(markdown: string): string {
  return fitMarkdown(markdown, MAX_SUMMARY_BYTES, '… truncated: the full report is in the `result` output.', 'bytes');
}
