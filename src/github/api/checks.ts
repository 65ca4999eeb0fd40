/**
 * The one check run (issue 4 §6, trap 10): found by name on the head commit and updated in place, so
 * every trigger (pull_request, pull_request_review, merge_group) reports under the same name and a
 * stale red run never outlives a green one. Annotations go 50 per request, GitHub's limit; the
 * summary and text are cut to GitHub's 65535 characters.
 */
import type { GitHubClient } from './client.js';
import { apiFailure } from './errors.js';
import { fitMarkdown } from './truncate.js';
import type { RepoRef } from './pulls.js';

export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_CHARS = 65535;

export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'notice' | 'warning' | 'failure';
  readonly message: string;
  readonly title?: string;
}

export interface CheckRunResult {
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
  readonly annotations: readonly CheckAnnotation[];
}

export interface CheckRunWriter {
  /** Finds the run named `name` on `headSha` or creates it, marked in progress; returns its id. */
  start(name: string, headSha: string): Promise<number>;
  /** Completes the run, sending annotations in batches of 50. */
  complete(id: number, result: CheckRunResult): Promise<void>;
}

export function checkRunWriter(client: GitHubClient, ref: RepoRef): CheckRunWriter {
  return {
    async start(name, headSha) {
      try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...ref, ref: headSha, check_name: name, filter: 'latest', per_page: 100 });
        const existing = data.check_runs.find((run) => run.name === name && run.head_sha === headSha);
        if (existing !== undefined) {
          await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...ref, check_run_id: existing.id, status: 'in_progress' });
          return Number(existing.id);
        }
        const created = await client.request('POST /repos/{owner}/{repo}/check-runs', { ...ref, name, head_sha: headSha, status: 'in_progress' });
        return Number(created.data.id);
      } catch (error) {
        throw apiFailure(`create the check run "${name}"`, error);
      }
    },
    async complete(id, result) {
      const batches = chunk(result.annotations, MAX_ANNOTATIONS_PER_REQUEST);
      const output = (annotations: readonly CheckAnnotation[]) => ({
        title: truncate(result.title, 255),
        summary: truncate(result.summary, MAX_OUTPUT_CHARS),
        ...(result.text !== undefined && { text: truncate(result.text, MAX_OUTPUT_CHARS) }),
        annotations: [...annotations],
      });
      try {
        // All but the last batch append while the run stays open; the last one completes it.
        for (const batch of batches.slice(0, -1)) {
          await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...ref, check_run_id: id, output: output(batch) });
        }
        await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          ...ref,
          check_run_id: id,
          status: 'completed',
          conclusion: result.conclusion,
          output: output(batches[batches.length - 1] ?? []),
        });
      } catch (error) {
        throw apiFailure('complete the check run', error);
      }
    },
  };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts text to `max` characters, saying so at the end. */
export function truncate(text: string, max: number): string {
  return fitMarkdown(text, max, '… truncated: the full report is in the job summary and the `result` output.');
}
