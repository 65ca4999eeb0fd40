/**
 * The approval result tree (house style §8): every node has an ordered status, a one-line
 * description with counts, the approvers that counted, each dismissed review with its reason, and an
 * error field. Rendered as text for logs and tests, and as tables in the PR comment.
 */

/** Ordered from worst to best: a parent's status is its worst child's. */
export const APPROVAL_STATUSES = ['error', 'blocked', 'pending', 'approved', 'skipped'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export interface Approver {
  readonly login: string;
  readonly role: string;
  readonly reviewId: number;
}

export interface Dismissal {
  readonly login: string;
  readonly reviewId: number;
  readonly reason: string;
}

/** The emergency-override label, when present on the PR. */
export interface OverrideResult {
  readonly label: string;
  /** Who applied it last, if the events say. */
  readonly appliedBy?: string;
  readonly appliedAt?: string;
  /** True only when a Platform Lead applied it. */
  readonly valid: boolean;
  readonly description: string;
}

export interface ApprovalResult {
  readonly name: string;
  readonly status: ApprovalStatus;
  readonly description: string;
  readonly approvers: readonly Approver[];
  readonly dismissed: readonly Dismissal[];
  /** Reviewers whose latest review requests changes. */
  readonly blockers: readonly string[];
  /** Who may still approve this node (principals, formatted). */
  readonly mayStillApprove?: string;
  readonly children: readonly ApprovalResult[];
  readonly override?: OverrideResult;
  readonly error?: string;
}

export function worstStatus(statuses: readonly ApprovalStatus[]): ApprovalStatus {
  let worst: ApprovalStatus = 'skipped';
  for (const status of statuses) if (APPROVAL_STATUSES.indexOf(status) < APPROVAL_STATUSES.indexOf(worst)) worst = status;
  return worst;
}

/** The tree as indented text, one node per line plus its approvers and dismissals. */
export function renderApprovalText(result: ApprovalResult, indent = ''): string {
  const lines = [`${indent}${result.name}: ${result.status}: ${result.description}`];
  for (const approver of result.approvers) lines.push(`${indent}  + @${approver.login} as ${approver.role}`);
  for (const dismissal of result.dismissed) lines.push(`${indent}  - @${dismissal.login}: ${dismissal.reason}`);
  if (result.mayStillApprove !== undefined && result.status === 'pending') lines.push(`${indent}  may still approve: ${result.mayStillApprove}`);
  if (result.override) lines.push(`${indent}  override: ${result.override.description}`);
  const out = lines.join('\n');
  const children = result.children.map((child) => renderApprovalText(child, `${indent}  `));
  return [out, ...children].join('\n');
}
