/**
 * The action's wiring (house style §2): read inputs and the event, then the named steps, each a log
 * group; any failure ends in one place, `setFailed`, with a one-line message and no stack. The check
 * run, once started, is always completed, as a failure when the run could not decide (fail closed).
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { openRepository, type GitRepository } from '../github/git/repository.js';
import { runRegistryCheck } from '../policy/check/run-registry-check.js';
import { REGISTRY_ENV } from '../registry/index.js';
import { evaluateApprovals } from '../policy/approvals/evaluate.js';
import type { ApprovalResult } from '../policy/approvals/result.js';
import { createClient, type GitHubClient } from '../github/api/client.js';
import { activitySource } from '../github/api/activity.js';
import { checkRunWriter, type CheckRunWriter } from '../github/api/checks.js';
import { stickyComments } from '../github/api/comments.js';
import { contentSource } from '../github/api/contents.js';
import { landingSource } from '../github/api/landing.js';
import { firstParentOf, openPullsAtHead } from '../github/api/pull-lookup.js';
import { pullSource, type PullInfo, type RepoRef } from '../github/api/pulls.js';
import { teamSource } from '../github/api/teams.js';
import { GitHubApiError } from '../github/api/errors.js';
import { annotationsOf } from './annotations.js';
import { loadPullFacts } from './approval-facts.js';
import { loadBasePolicy, type BasePolicy } from './base-policy.js';
import { BASE_MOVED, StaleBaseError, verifyBase, verifyCheckout } from './checkout.js';
import { loadGates } from './deprecation-facts.js';
import { readEvent, type EventContext } from './event.js';
import { readInputs, type ActionSettings } from './inputs.js';
import { renderMarkdown, renderPlain } from './markdown.js';
import { pushMetrics } from './metrics.js';
import { outputsOf, truncateSummary } from './publish.js';
import { resolveTargets, type CheckTarget } from './targets.js';
import { checkNameFor, decideVerdict } from './verdict.js';

export interface ActionDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  readonly openRepository: (cwd: string) => Promise<GitRepository>;
}

const defaultDeps: ActionDeps = { env: process.env, now: () => new Date(), openRepository };

export async function run(deps: ActionDeps = defaultDeps): Promise<void> {
  let requests = 0;
  try {
    const settings = readInputs((name) => core.getInput(name), (secret) => core.setSecret(secret));
    const event = await readEvent(deps.env, {
      path: settings.path,
      ...(settings.pullRequest !== undefined && { pullRequest: settings.pullRequest }),
      ...(settings.headSha !== undefined && { headSha: settings.headSha }),
    });
    const client = createClient({ token: settings.token, baseUrl: event.apiUrl, log: (line) => core.warning(line), onRequest: () => requests++ });
    const repo = { owner: event.owner, repo: event.repo };
    const targets = await resolveTargets(event, {
      pulls: pullSource(client, repo),
      pullsAtHead: (owner, branch, sha) => openPullsAtHead(client, repo, owner, branch, sha),
      firstParent: (sha) => firstParentOf(client, repo, sha),
      log: (line) => core.info(line),
    });
    for (const target of targets) await checkTarget({ settings, event, deps, client, repo, target, started: Date.now() });
  } catch (error) {
    core.setFailed(messageOf(error));
  } finally {
    core.info(`GitHub API requests: ${requests}`);
  }
}

interface Context {
  readonly settings: ActionSettings;
  readonly event: EventContext;
  readonly deps: ActionDeps;
  readonly client: GitHubClient;
  readonly repo: RepoRef;
  readonly target: CheckTarget;
  readonly started: number;
}

async function checkTarget(ctx: Context): Promise<void> {
  const checks = checkRunWriter(ctx.client, ctx.repo);
  const runId = await tryStartCheck(checks, checkNameFor(ctx.settings, ctx.target.baseRef), ctx.target.headSha);
  try {
    await evaluateAndPublish({ ...ctx, target: await readAfterStart(ctx) }, checks, runId);
  } catch (error) {
    if (runId !== undefined) {
      const stale = error instanceof StaleBaseError;
      const summary = stale ? `The schema check was not run: ${messageOf(error)}.` : `The schema check could not decide, so it fails closed:\n\n${messageOf(error)}`;
      const title = stale ? error.title : 'Schema check failed to run';
      await checks.complete(runId, { conclusion: 'failure', title, summary, annotations: [] }).catch(() => undefined);
    }
    throw error;
  }
}

async function evaluateAndPublish(ctx: Context, checks: CheckRunWriter, runId: number | undefined): Promise<void> {
  const { settings, event, deps, target } = ctx;
  const pull = target.pull;
  const repo = await deps.openRepository(event.workspace);
  await verifyCheckout(repo, target.headSha);
  await verifyBase(repo, target.baseSha, target.baseRef);
  const policy = await step('Policy from the base branch', () => loadBasePolicy(contentSource(ctx.client, ctx.repo), settings.configPath, target.baseSha, settings.configExplicit));
  const report = await step('Schema check', async () => {
    const options = { cwd: event.workspace, against: target.baseSha, configPath: policy.file, openRepository: deps.openRepository };
    // Without a registry URL (input, GUARDRAILS_REGISTRY_URL or the base policy) this is the offline check.
    const raw = await runRegistryCheck({ ...options, registry: { flags: settings.registry ? { url: settings.registry.url } : {}, env: registryEnv(settings, deps.env) } });
    return { ...raw, warnings: raw.warnings.map((w) => w.split(policy.file).join(policy.label)) };
  });
  const gates = await step('Deprecation window', () =>
    loadGates({ repo, report, settings: policy.loaded.settings, landing: landingSource(ctx.client, ctx.repo, { branch: target.baseRef }), now: deps.now() }),
  );
  const breaking = [...gates.values()].some((g) => g.breaking);
  const changed = report.mode === 'changed' && report.subjects.length > 0;
  const required = policy.loaded.settings.approvals.requiredFor === 'breaking' ? breaking : changed;
  const approvals = await step('Approvals', () => approvalsFor(ctx, policy, pull, report.subjects.flatMap((s) => [s.file, ...(s.previousFile ? [s.previousFile] : [])]), required));
  const verdict = decideVerdict({ report, gates, approvals, settings });
  const view = { report, gates, approvals, verdict, windowDays: policy.loaded.settings.deprecation.windowDays };
  const markdown = renderMarkdown(view);
  logUntrusted(renderPlain(view));
  for (const [name, value] of Object.entries(outputsOf({ report, gates, approvals, verdict, policy: policy.label }))) core.setOutput(name, value);
  await core.summary.addRaw(truncateSummary(markdown)).write();
  if (runId !== undefined) {
    const annotations = annotationsOf(report, gates);
    await checks.complete(runId, { conclusion: verdict.conclusion, title: verdict.headline, summary: markdown, annotations }).catch((e: unknown) => {
      // The run stays in progress, which blocks merging; fail the job too, so the cause is visible and a re-run fixes it.
      core.setFailed(`the verdict (${verdict.conclusion}) could not be written to the check run, which stays in progress and blocks merging: ${messageOf(e)}; re-run the job`);
    });
  }
  if (pull !== undefined && settings.comment) {
    // A passing PR without schema changes gets no new comment (the check run says it); an existing one is brought up to date.
    await stickyComments(ctx.client, ctx.repo, settings.botLogin)
      .upsert(pull.number, markdown, { onlyIfPresent: !changed && verdict.conclusion === 'success' })
      .catch((e: unknown) => core.warning(`${messageOf(e)}; the verdict is in the job summary (fork PRs: the verified workflow_run evaluator in docs/action.md posts it)`));
  }
  if (settings.pushgatewayUrl !== undefined) {
    const metrics = { owner: event.owner, repo: event.repo, verdict, incompatibleSubjects: report.subjects.filter((s) => s.status === 'incompatible').length, durationSeconds: (Date.now() - ctx.started) / 1000 };
    await pushMetrics(settings.pushgatewayUrl, metrics).catch((e: unknown) => core.warning(`metrics not pushed: ${messageOf(e)}`));
  }
  if (verdict.conclusion === 'failure') core.setFailed(`${verdict.headline}: ${verdict.problems.join('; ')}`);
}

/**
 * The check-run writer rule (docs/security.md): every fact the verdict uses is read after this
 * evaluation's check run exists, so any later event (a label, a push, a retarget) starts a newer run,
 * which GitHub counts instead. The PR was read before the run was created, for its name; read it
 * again, and fail closed if its head or base moved in between.
 */
async function readAfterStart(ctx: Context): Promise<CheckTarget> {
  const pull = ctx.target.pull;
  if (pull === undefined) return ctx.target;
  const fresh = await pullSource(ctx.client, ctx.repo).pull(pull.number);
  if (fresh.headSha !== pull.headSha) {
    throw new StaleBaseError(`head moved since this event: PR #${pull.number} is now at ${fresh.headSha.slice(0, 12)}, whose own run owns the check`, 'Head moved since this event');
  }
  if (fresh.baseSha !== pull.baseSha || fresh.baseRef !== pull.baseRef) {
    throw new StaleBaseError(`${BASE_MOVED} (the pull request's base moved to ${fresh.baseRef} at ${fresh.baseSha.slice(0, 12)} while this run started)`);
  }
  return { ...ctx.target, pull: fresh };
}

async function approvalsFor(ctx: Context, policy: BasePolicy, pull: PullInfo | undefined, files: string[], required: boolean): Promise<ApprovalResult> {
  const settings = policy.loaded.settings.approvals;
  const empty = { approvers: [], dismissed: [], blockers: [], children: [] };
  if (pull === undefined) {
    return { ...empty, name: 'Schema change approvals', status: 'skipped', description: 'merge queue: approvals were enforced on the pull request' };
  }
  const facts = required
    ? await loadPullFacts(pullSource(ctx.client, ctx.repo), teamSource(ctx.client), (repo) => activitySource(ctx.client, repo), settings, pull)
    : { number: pull.number, author: pull.author, headSha: pull.headSha, commitPeople: [], labels: pull.labels, labelEvents: [], reviews: [], teams: new Map() };
  return evaluateApprovals({ settings, facts, schemaFiles: files, required });
}

async function tryStartCheck(checks: CheckRunWriter, name: string, headSha: string): Promise<number | undefined> {
  try {
    return await checks.start(name, headSha);
  } catch (error) {
    // Only a fork PR's read-only token (403) is expected; anything else must fail the job, not leave it green.
    if (!(error instanceof GitHubApiError && error.status === 403)) throw error;
    core.warning(`${messageOf(error)}. Without checks: write (a fork PR's read-only token) the verdict is only in the job summary and the exit code.`);
    return undefined;
  }
}

/** The registry check's environment: GUARDRAILS_REGISTRY_* from the job, overridden by the secret inputs. */
function registryEnv(settings: ActionSettings, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const fromJob = Object.fromEntries(Object.values(REGISTRY_ENV).map((name) => [name, env[name]]));
  const r = settings.registry;
  return {
    ...fromJob,
    ...(r?.username !== undefined && { [REGISTRY_ENV.apiKey]: r.username }),
    ...(r?.password !== undefined && { [REGISTRY_ENV.apiSecret]: r.password }),
    ...(r?.token !== undefined && { [REGISTRY_ENV.bearerToken]: r.token }),
  };
}

/** One named step as a log group, with its duration. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return core.group(name, async () => {
    try {
      return await fn();
    } finally {
      core.info(`${name}: ${Date.now() - started} ms`);
    }
  });
}

/** Logs text derived from PR data with workflow commands disabled, so it cannot inject any (trap 13). */
function logUntrusted(text: string): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
