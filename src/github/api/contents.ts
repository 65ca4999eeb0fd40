/**
 * Files read through the API at a given ref. The policy and owners are read at the BASE commit, so a
 * PR cannot loosen its own rules by editing them (issue 4 §2). Nothing read here is ever executed.
 */
import type { GitHubClient } from './client.js';
import { apiFailure, statusOf } from './errors.js';
import type { RepoRef } from './pulls.js';

export interface ContentSource {
  /** The file's text at `ref`, or undefined when it does not exist there. */
  fileAt(path: string, ref: string): Promise<string | undefined>;
}

export function contentSource(client: GitHubClient, repo: RepoRef): ContentSource {
  return {
    async fileAt(path, ref) {
      try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
          throw apiFailure(`read ${path} at ${ref.slice(0, 12)}`, new Error(`${path} is not a file`));
        }
        return Buffer.from(data.content, 'base64').toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw apiFailure(`read ${path} at ${ref.slice(0, 12)}`, error);
      }
    },
  };
}
