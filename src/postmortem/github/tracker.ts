/** The narrow set of GitHub facts and writes the follow-up job needs. The Octokit client implements it. */

export interface TrackedIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly state: 'open' | 'closed';
  /** GitHub's `state_reason`: `completed`, `not_planned`, `reopened` or null. */
  readonly stateReason: string | null;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly url: string;
  /** ISO time, when closed. */
  readonly closedAt: string | null;
}

export interface NewIssue {
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
}

export interface IssuePatch {
  readonly title?: string;
  readonly body?: string;
  readonly labels?: readonly string[];
  readonly assignees?: readonly string[];
  readonly state?: 'open' | 'closed';
  readonly stateReason?: 'completed' | 'not_planned' | 'reopened';
}

export interface IssueComment {
  readonly body: string;
  readonly createdAt: string;
}

/** A file's text and blob sha on a branch. */
export interface RemoteFile {
  readonly text: string;
  readonly sha: string;
}

/**
 * Results of writes that can be refused for a reason the caller handles are values, not throws:
 * `createIssue` reports `assignees-rejected` on GitHub's 422 for unassignable users.
 */
export type CreateResult =
  | { readonly ok: true; readonly issue: TrackedIssue }
  | { readonly ok: false; readonly reason: 'assignees-rejected' | 'unknown-outcome'; readonly detail: string };

export interface IssueTracker {
  /** Every issue (open and closed, no pull requests) carrying `label`, all pages. */
  listIssuesByLabel(label: string): Promise<TrackedIssue[]>;
  /** Never retried blindly: a timeout or 5xx comes back as `unknown-outcome` so the caller can re-list first. */
  createIssue(issue: NewIssue): Promise<CreateResult>;
  updateIssue(number: number, patch: IssuePatch): Promise<void>;
  addComment(number: number, body: string): Promise<void>;
  listComments(number: number): Promise<IssueComment[]>;
  /** GET /repos/{o}/{r}/assignees/{login}: 204 → true, 404 → false. */
  isAssignable(login: string): Promise<boolean>;
  readFile(path: string, ref: string): Promise<RemoteFile | undefined>;
  /** Creates `branch` from `base` when it does not exist yet. */
  ensureBranch(branch: string, base: string): Promise<void>;
  writeFile(input: { path: string; branch: string; text: string; sha: string; message: string }): Promise<void>;
  /** Opens a pull request from `branch` unless one is already open; returns its URL. */
  ensurePullRequest(input: { branch: string; base: string; title: string; body: string }): Promise<string>;
}

/**
 * A write refused before it was sent, because the run was stopped while it waited (for the rate
 * limiter, say). Nothing reached GitHub. Named `AbortError` so that Octokit passes it through as
 * is, instead of wrapping it as a 500 that plugin-retry would retry.
 */
export class WriteNotStarted extends Error {
  override readonly name = 'AbortError';
  constructor(readonly what: string) {
    super(`${what} not sent: the run was stopped`);
  }
}
