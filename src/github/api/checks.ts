/**
 * Check runs, one per evaluation (issue 12, "one writer per check run"). Every run of the action
 * creates its own check run and only ever updates that one, so no two evaluations write to the same
 * run. GitHub shows and requires the most recent run of a name in a check suite (changelog
 * 2020-09-14: "only the most recent check run is displayed"), and a run is created before the
 * evaluation reads any fact: the newest run by creation read every fact after every event that
 * preceded it, and any later event starts a newer run. A stale evaluation (an hourly sweep that read
 * the reviews before a dismissal) may finish last; its run is older, so it never overrides the
 * verdict of a newer one. This needs no compare-and-set and no extra read before completing.
 *
 * A check of the same name on the head from another app is a decoy (notes §1: anyone with
 * checks: write can post any name): `start` reports it, fails its own run and throws
 * `DecoyCheckError`. Annotations go 50 per request, GitHub's limit; summary and text are cut to
 * GitHub's 65535 characters.
 */
import type { GitHubClient } from './client.js';
import { apiFailure, GitHubApiError } from './errors.js';
import { fitMarkdown } from './truncate.js';
import type { RepoRef } from './pulls.js';
import { DecoyCheckError, decoysOf, type CheckApp } from './check-apps.js';

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
  /**
   * Creates a new run named `name` on `headSha`, in progress, and returns its id. Throws
   * `DecoyCheckError` (after failing the new run with the reason) when another app has a run of that
   * name on the head.
   */
  start(name: string, headSha: string): Promise<number>;
  /** Completes the run, sending annotations in batches of 50. */
  complete(id: number, result: CheckRunResult): Promise<void>;
}

export function checkRunWriter(client: GitHubClient, ref: RepoRef): CheckRunWriter {
  const writer: CheckRunWriter = {
    async start(name, headSha) {
      const created = await client
        .request('POST /repos/{owner}/{repo}/check-runs', { ...ref, name, head_sha: headSha, status: 'in_progress' })
        .catch((error: unknown) => {
          throw apiFailure(`create the check run "${name}"`, error);
        });
      const id = Number(created.data.id);
      const own = appOf(created.data.app);
      try {
        const decoys = decoysOf(await runsNamed(client, ref, name, headSha), own);
        if (decoys.length > 0) throw new DecoyCheckError(name, headSha, own, decoys);
        return id;
      } catch (error) {
        // The run was created: never leave it in progress, whatever stopped this one.
        const reason = error instanceof DecoyCheckError ? error.summary : `The schema check could not decide, so it fails closed:\n\n${(error as Error).message}`;
        await writer.complete(id, { conclusion: 'failure', title: error instanceof DecoyCheckError ? 'Another app posts under this check name' : 'Schema check failed to run', summary: reason, annotations: [] }).catch(() => undefined);
        throw error;
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
  return writer;
}

/**
 * The runs named `name` on `headSha`, of any app, with the app that created each. `latest` gives the
 * newest run of the name in each check suite (one suite per app): every other app still shows, and
 * the hundreds of runs the sweep leaves on a long-lived head are not paged through on every run.
 */
async function runsNamed(client: GitHubClient, ref: RepoRef, name: string, headSha: string): Promise<{ id: number; app?: CheckApp }[]> {
  try {
    const runs = await client.paginate('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...ref, ref: headSha, check_name: name, filter: 'latest', per_page: 100 });
    return runs.filter((run) => run.name === name && run.head_sha === headSha).map((run) => ({ id: run.id, ...optionalApp(run.app) }));
  } catch (error) {
    // The token just created a run, so even a 403 here is no read-only fork token: never let it pass for one.
    throw new GitHubApiError('failed', apiFailure(`list the check runs named "${name}" on ${headSha.slice(0, 12)}`, error).message);
  }
}

function appOf(app: { id?: number; slug?: string; name?: string } | null | undefined): CheckApp | undefined {
  if (app?.id === undefined) return undefined;
  return { id: app.id, slug: app.slug ?? app.name ?? `app ${app.id}` };
}

function optionalApp(app: { id?: number; slug?: string; name?: string } | null | undefined): { app?: CheckApp } {
  const found = appOf(app);
  return found === undefined ? {} : { app: found };
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
