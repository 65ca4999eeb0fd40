/** `IssueTracker` over @octokit/rest with the throttling and retry plugins. Pages every listing; memoises assignees. */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { FollowupsError } from '../errors.js';
import { WriteNotStarted, type CreateResult, type IssueComment, type IssuePatch, type IssueTracker, type NewIssue, type RemoteFile, type TrackedIssue } from './tracker.js';

// Typed as the plain Octokit: the plugins add options (throttle, retry), not methods we call.
const ThrottledOctokit: typeof Octokit = Octokit.plugin(throttling, retry);

export const DEFAULT_API_URL = 'https://api.github.com';

export interface OctokitTrackerOptions {
  readonly token: string;
  /** `owner/name` */
  readonly repo: string;
  /** e.g. https://api.github.com, or a GHES / local fake URL. */
  readonly baseUrl?: string;
  /** Rate-limit retries before giving up (default 2). */
  readonly maxRateLimitRetries?: number;
  /** Multiplier for Retry-After seconds and retry back-off, in ms (default 1000). Tests pass 1. */
  readonly retryAfterBaseValue?: number;
  /** Throttling on (default). The benchmark turns it off to measure request counts, not the limiter's spacing. */
  readonly throttle?: boolean;
  /** Once aborted, no write is sent: one already waiting for the rate limiter fails with `WriteNotStarted`. */
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

// Pin the API version: 2026-03-10 is the first with breaking changes.
const API_VERSION = '2022-11-28';

export function createOctokit(options: OctokitTrackerOptions): Octokit {
  const log = options.log ?? (() => {});
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const base = options.retryAfterBaseValue ?? 1000;
  const onLimit = (kind: string) => (retryAfter: number, req: { method: string; url: string }, _o: unknown, count: number) => {
    // After a stop, waiting out Retry-After (up to 60 s) would overrun the 10 s a stop may take.
    const retrying = count < maxRetries && !options.signal?.aborted;
    log(`${kind} rate limit on ${req.method} ${req.url}; ${retrying ? `retrying after ${retryAfter}s` : 'giving up'}`);
    return retrying;
  };
  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? DEFAULT_API_URL,
    headers: { 'x-github-api-version': API_VERSION },
    userAgent: 'guardrails-postmortem-followups',
    ...(options.signal ? { request: { fetch: stopAwareFetch(options.signal) } } : {}),
    // Failed requests surface as typed errors with context; the request log's own 404 lines would only be noise.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log(m), error: () => {} },
    throttle: {
      enabled: options.throttle ?? true,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
    },
    retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
  // Registered after the plugins, so it sees the final answer once, after retries.
  octokit.hook.after('request', (response, request) => {
    if (response.status === 204) return;
    const path = new URL(response.url).pathname;
    if (!isJson(response.data)) throw notGitHub(options.baseUrl ?? DEFAULT_API_URL, path, response.headers['content-type']);
    if (request.method === 'GET' && LISTINGS.test(path) && !Array.isArray(response.data)) throw notGitHub(options.baseUrl ?? DEFAULT_API_URL, path, 'JSON that is not a list');
  });
  return octokit;
}

/** A proxy, a login page or a wrong --api-url: something answered, but not GitHub's REST API. */
function notGitHub(apiUrl: string, path: string, type: string | undefined): FollowupsError {
  return new FollowupsError('unavailable', `the GitHub API at ${apiUrl} answered ${path} with ${type ?? 'no content type'}, not GitHub's JSON; check --api-url ($GITHUB_API_URL): ${DEFAULT_API_URL}, or https://HOST/api/v3 for GitHub Enterprise Server`);
}

function isJson(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !(data instanceof ArrayBuffer);
}

const READS = new Set(['GET', 'HEAD']);
/** The listings we page through: issues, comments, pull requests. */
const LISTINGS = /\/(issues|comments|pulls)$/;

// Checked at the moment of sending, below the rate limiter's queue: a write queued before the
// signal is not sent after it. Requests already sent are never aborted; they settle.
function stopAwareFetch(signal: AbortSignal): typeof fetch {
  return (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (signal.aborted && !READS.has(method)) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return Promise.reject(new WriteNotStarted(`${method} ${new URL(url).pathname}`));
    }
    return fetch(input, init);
  };
}

type Client = Octokit;
interface RawIssue {
  number: number; title: string; body?: string | null; state: string; state_reason?: string | null;
  labels: Array<string | { name?: string }>; assignees?: Array<{ login: string }> | null; html_url: string;
  closed_at: string | null; pull_request?: unknown;
}

export function toTracked(raw: RawIssue): TrackedIssue {
  return {
    number: raw.number, title: raw.title, body: raw.body ?? '', state: raw.state === 'closed' ? 'closed' : 'open',
    stateReason: raw.state_reason ?? null, url: raw.html_url, closedAt: raw.closed_at,
    labels: raw.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    assignees: (raw.assignees ?? []).map((a) => a.login),
  };
}

function status(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'status' in e ? Number((e as { status: unknown }).status) : undefined;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/**
 * What a failed request means for the run: a rejected token is bad input (the first request is a
 * read, so nothing was written); no answer, 5xx or a rate limit after the retries, or an answer
 * that is not GitHub's, is GitHub unavailable; any other refusal is a failed job. Errors already
 * typed pass through.
 */
function failure(e: unknown, what: string, where: string, apiUrl: string): Error {
  if (e instanceof FollowupsError || e instanceof WriteNotStarted) return e;
  const code = status(e);
  const detail = describe(e);
  const answer = (e as { response?: { url?: string; headers?: Record<string, string | undefined> } }).response;
  const type = answer?.headers?.['content-type'];
  if (code !== undefined && code < 500 && answer && !/json/i.test(type ?? '')) return notGitHub(apiUrl, pathOf(answer.url), type);
  if (code === 401) return new FollowupsError('config', `GitHub ${what} failed for ${where}: 401 ${detail}; check GITHUB_TOKEN (or GH_TOKEN)`);
  if (code === undefined || code >= 500 || code === 429 || (code === 403 && /rate limit/i.test(detail))) {
    return new FollowupsError('unavailable', `GitHub ${what} failed for ${where} after retries: ${detail}; check --api-url, or try again later`);
  }
  return new FollowupsError('github', `GitHub ${what} failed for ${where}: ${code} ${detail}`,
    code === 403 || code === 404 ? 'Check the repository name and the token\'s issues/contents/pull-requests permissions' : undefined);
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').pathname;
  } catch {
    return 'a request';
  }
}

export class OctokitTracker implements IssueTracker {
  private readonly owner: string;
  private readonly repo: string;
  private readonly assignable = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: Client,
    repo: string,
    /** For messages only. */
    private readonly apiUrl: string = DEFAULT_API_URL,
  ) {
    const [owner, name] = repo.split('/');
    this.owner = owner!;
    this.repo = name!;
  }

  static create(options: OctokitTrackerOptions): OctokitTracker {
    return new OctokitTracker(createOctokit(options), options.repo, options.baseUrl ?? DEFAULT_API_URL);
  }

  private get where() {
    return { owner: this.owner, repo: this.repo };
  }

  private failure(e: unknown, what: string): Error {
    return failure(e, what, `${this.owner}/${this.repo}`, this.apiUrl);
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.failure(e, what);
    }
  }

  async listIssuesByLabel(label: string): Promise<TrackedIssue[]> {
    let raw: RawIssue[];
    try {
      raw = (await this.client.paginate(this.client.rest.issues.listForRepo, { ...this.where, labels: label, state: 'all', per_page: 100 })) as RawIssue[];
    } catch (e) {
      const typed = this.failure(e, `listing issues labelled "${label}"`);
      // The first request of a run: a repository that is not there (or not visible to the token) is bad input.
      if (typed instanceof FollowupsError && typed.kind === 'github' && status(e) === 404) {
        throw new FollowupsError('config', `GitHub has no repository ${this.owner}/${this.repo} that the token can see (404 listing its issues); check --repo (followups.repo, $GITHUB_REPOSITORY) and the token's access`);
      }
      throw typed;
    }
    return raw.filter((i) => !i.pull_request).map(toTracked);
  }

  async createIssue(issue: NewIssue): Promise<CreateResult> {
    try {
      // retries: 0 — a POST that timed out or got a 5xx may have created the issue; the caller re-lists first.
      const res = await this.client.rest.issues.create({
        ...this.where, title: issue.title, body: issue.body, labels: [...issue.labels], assignees: [...issue.assignees],
        request: { retries: 0 },
      });
      return { ok: true, issue: toTracked(res.data as RawIssue) };
    } catch (e) {
      if (e instanceof FollowupsError || e instanceof WriteNotStarted) throw e;
      const code = status(e);
      if (code === 422 && /assignee/i.test(JSON.stringify((e as { response?: { data?: unknown } }).response?.data ?? ''))) {
        return { ok: false, reason: 'assignees-rejected', detail: describe(e) };
      }
      if (code === undefined || code >= 500) return { ok: false, reason: 'unknown-outcome', detail: describe(e) };
      throw this.failure(e, `creating issue "${issue.title}"`);
    }
  }

  async updateIssue(number: number, patch: IssuePatch): Promise<void> {
    await this.call(`updating issue #${number}`, () =>
      this.client.rest.issues.update({
        ...this.where, issue_number: number,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.labels ? { labels: [...patch.labels] } : {}),
        ...(patch.assignees ? { assignees: [...patch.assignees] } : {}),
        ...(patch.state ? { state: patch.state } : {}),
        ...(patch.stateReason ? { state_reason: patch.stateReason } : {}),
      }));
  }

  async addComment(number: number, body: string): Promise<void> {
    await this.call(`commenting on issue #${number}`, () =>
      this.client.rest.issues.createComment({ ...this.where, issue_number: number, body, request: { retries: 0 } }));
  }

  async listComments(number: number): Promise<IssueComment[]> {
    const raw = await this.call(`listing comments of issue #${number}`, () =>
      this.client.paginate(this.client.rest.issues.listComments, { ...this.where, issue_number: number, per_page: 100 }));
    return raw.map((c) => ({ body: c.body ?? '', createdAt: c.created_at }));
  }

  isAssignable(login: string): Promise<boolean> {
    let known = this.assignable.get(login);
    if (!known) {
      known = this.client.rest.issues.checkUserCanBeAssigned({ ...this.where, assignee: login }).then(
        () => true,
        (e: unknown) => {
          if (status(e) === 404 && !(e instanceof FollowupsError)) return false;
          throw this.failure(e, `checking assignee @${login}`);
        },
      );
      this.assignable.set(login, known);
    }
    return known;
  }

  async readFile(path: string, ref: string): Promise<RemoteFile | undefined> {
    try {
      const res = await this.client.rest.repos.getContent({ ...this.where, path, ref });
      const data = res.data as { content?: string; sha: string; type?: string };
      if (data.type !== 'file' || data.content === undefined) return undefined;
      return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
    } catch (e) {
      if (status(e) === 404 && !(e instanceof FollowupsError)) return undefined;
      throw this.failure(e, `reading ${path}@${ref}`);
    }
  }

  async ensureBranch(branch: string, base: string): Promise<void> {
    try {
      await this.client.rest.git.getRef({ ...this.where, ref: `heads/${branch}` });
      return;
    } catch (e) {
      if (status(e) !== 404 || e instanceof FollowupsError) throw this.failure(e, `reading branch ${branch}`);
    }
    const baseRef = await this.call(`reading branch ${base}`, () => this.client.rest.git.getRef({ ...this.where, ref: `heads/${base}` }));
    await this.call(`creating branch ${branch}`, () =>
      this.client.rest.git.createRef({ ...this.where, ref: `refs/heads/${branch}`, sha: baseRef.data.object.sha }));
  }

  async writeFile(input: { path: string; branch: string; text: string; sha: string; message: string }): Promise<void> {
    await this.call(`committing ${input.path} to ${input.branch}`, () =>
      this.client.rest.repos.createOrUpdateFileContents({
        ...this.where, path: input.path, branch: input.branch, sha: input.sha, message: input.message,
        content: Buffer.from(input.text, 'utf8').toString('base64'),
      }));
  }

  async ensurePullRequest(input: { branch: string; base: string; title: string; body: string }): Promise<string> {
    const open = await this.call('listing pull requests', () =>
      this.client.rest.pulls.list({ ...this.where, head: `${this.owner}:${input.branch}`, base: input.base, state: 'open' }));
    if (open.data[0]) return open.data[0].html_url;
    const created = await this.call(`opening a pull request from ${input.branch}`, () =>
      this.client.rest.pulls.create({ ...this.where, head: input.branch, base: input.base, title: input.title, body: input.body }));
    return created.data.html_url;
  }
}
