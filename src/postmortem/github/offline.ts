/** For `--dry-run` without a token: plans as if the repository had no follow-up issues yet. Never writes. */
import { FollowupsError } from '../errors.js';
import type { CreateResult, IssueComment, IssueTracker, RemoteFile, TrackedIssue } from './tracker.js';

export class OfflineTracker implements IssueTracker {
  async listIssuesByLabel(): Promise<TrackedIssue[]> {
    return [];
  }
  async listComments(): Promise<IssueComment[]> {
    return [];
  }
  /** Unknown offline; assume yes so the plan shows the mapped assignees. */
  async isAssignable(): Promise<boolean> {
    return true;
  }
  async readFile(): Promise<RemoteFile | undefined> {
    return undefined;
  }
  createIssue(): Promise<CreateResult> {
    return this.refuse();
  }
  updateIssue(): Promise<void> {
    return this.refuse();
  }
  addComment(): Promise<void> {
    return this.refuse();
  }
  ensureBranch(): Promise<void> {
    return this.refuse();
  }
  writeFile(): Promise<void> {
    return this.refuse();
  }
  ensurePullRequest(): Promise<string> {
    return this.refuse();
  }
  private async refuse(): Promise<never> {
    throw new FollowupsError('config', 'no GitHub token: set GITHUB_TOKEN (or GH_TOKEN)');
  }
}
