/**
 * A local HTTP fake of the GitHub REST endpoints the action uses, for the end-to-end test of the
 * bundle. State is plain data the test sets up and inspects afterwards; every request is recorded.
 * `readOnly` answers writes with 403, as a fork PR's token gets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string };
  annotations: Record<string, unknown>[];
}

export interface FakeComment {
  id: number;
  user: { login: string; type?: string };
  body: string;
}

export interface FakeState {
  pulls: Map<number, Record<string, unknown>>;
  reviews: Map<number, Record<string, unknown>[]>;
  commits: Map<number, Record<string, unknown>[]>;
  issueEvents: Map<number, Record<string, unknown>[]>;
  /** `${ref}:${path}` → text. */
  contents: Map<string, string>;
  /** `org/slug` → login → state; a missing team answers 404 (as to a token without read:org). */
  teams: Map<string, Map<string, 'active' | 'pending'>>;
  /** sha → merged_at of the PR that merged it. */
  mergedAt: Map<string, string>;
  /** sha → first parent sha (GET /repos/{o}/{r}/commits/{sha}). */
  parents: Map<string, string>;
  /** `owner/repo:refs/heads/<branch>` → activities, newest first (GET /repos/{o}/{r}/activity). */
  activity: Map<string, Record<string, unknown>[]>;
  checkRuns: FakeCheckRun[];
  comments: Map<number, FakeComment[]>;
  readOnly: boolean;
  /** When set, check-run requests answer with this HTTP status (an outage or a misconfigured token). */
  checkRunStatus?: number;
  /** When set, completing a check run (a PATCH with a conclusion) answers with this HTTP status. */
  completionStatus?: number;
  /** The login writes are made as. */
  botLogin: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

export class FakeGitHub {
  readonly state: FakeState = {
    pulls: new Map(), reviews: new Map(), commits: new Map(), issueEvents: new Map(), contents: new Map(),
    teams: new Map(), mergedAt: new Map(), parents: new Map(), activity: new Map(), checkRuns: [], comments: new Map(), readOnly: false, botLogin: 'github-actions[bot]',
  };
  readonly requests: RecordedRequest[] = [];
  private server?: Server;
  private nextId = 100;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    this.requests.push({ method, path: url.pathname, ...(body !== undefined && { body }) });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (method !== 'GET' && this.state.readOnly) return send(403, { message: 'Resource not accessible by integration' });
    if (this.state.checkRunStatus !== undefined && /check-runs/.test(url.pathname)) return send(this.state.checkRunStatus, { message: 'Server Error' });
    if (this.state.completionStatus !== undefined && method === 'PATCH' && /check-runs/.test(url.pathname) && (body as { conclusion?: string } | undefined)?.conclusion !== undefined) {
      return send(this.state.completionStatus, { message: 'Validation Failed' });
    }
    try {
      const answer = this.route(method, url, body);
      if (answer === undefined) return send(404, { message: 'Not Found' });
      send(answer.status ?? 200, answer.body, answer.headers);
    } catch (error) {
      send(500, { message: String(error) });
    }
  }

  private route(method: string, url: URL, body: unknown): { status?: number; body: unknown; headers?: Record<string, string> } | undefined {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    const s = this.state;
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(p))) return found(s.pulls.get(Number(m[1])));
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls$/.exec(p))) {
      const head = url.searchParams.get('head');
      const open = [...s.pulls.values()].filter((pull) => (pull.state ?? 'open') === 'open');
      return page(url, head === null ? open : open.filter((pull) => headLabel(pull) === head));
    }
    if (method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/activity$/.exec(p))) {
      const ref = url.searchParams.get('ref') ?? '';
      return page(url, s.activity.get(`${m[1]}:${ref.startsWith('refs/') ? ref : `refs/heads/${ref}`}`) ?? []);
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/.exec(p))) return page(url, s.reviews.get(Number(m[1])) ?? []);
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/commits$/.exec(p))) return page(url, s.commits.get(Number(m[1])) ?? []);
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/events$/.exec(p))) return page(url, s.issueEvents.get(Number(m[1])) ?? []);
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(p))) {
      const content = s.contents.get(`${url.searchParams.get('ref')}:${decodeURIComponent(m[1] as string)}`);
      return content === undefined ? undefined : { body: { type: 'file', encoding: 'base64', content: Buffer.from(content).toString('base64') } };
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/.exec(p))) {
      const runs = s.checkRuns.filter((r) => r.head_sha === m?.[1] && r.name === (url.searchParams.get('check_name') ?? r.name));
      return { body: { total_count: runs.length, check_runs: runs } };
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/.exec(p))) {
      const parent = s.parents.get(m[1] as string);
      return found(parent === undefined ? undefined : { sha: m[1], parents: [{ sha: parent }] });
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/pulls$/.exec(p))) {
      const at = s.mergedAt.get(m[1] as string);
      return { body: at === undefined ? [] : [{ number: 1, merge_commit_sha: m[1], merged_at: at }] };
    }
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(p)) {
      const input = body as { name: string; head_sha: string; status: string };
      const run: FakeCheckRun = { id: this.nextId++, name: input.name, head_sha: input.head_sha, status: input.status, annotations: [] };
      s.checkRuns.push(run);
      return { status: 201, body: run };
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(p))) {
      const run = s.checkRuns.find((r) => r.id === Number(m?.[1]));
      if (run === undefined) return undefined;
      const input = body as { status?: string; conclusion?: string; output?: { annotations?: Record<string, unknown>[]; title?: string; summary?: string } };
      if (input.status) run.status = input.status;
      if (input.conclusion) run.conclusion = input.conclusion;
      if (input.output) {
        const { annotations, ...rest } = input.output;
        run.output = rest;
        run.annotations.push(...(annotations ?? []));
      }
      return { body: run };
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const list = s.comments.get(Number(m[1])) ?? [];
      s.comments.set(Number(m[1]), list);
      if (method === 'GET') return page(url, list);
      const comment = { id: this.nextId++, user: { login: s.botLogin, type: 'Bot' }, body: (body as { body: string }).body };
      list.push(comment);
      return { status: 201, body: comment };
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p))) {
      const comment = [...s.comments.values()].flat().find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) return undefined;
      comment.body = (body as { body: string }).body;
      return { body: comment };
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(p))) return found(s.teams.has(`${m[1]}/${m[2]}`) ? { slug: m[2] } : undefined);
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(p))) {
      const state = s.teams.get(`${m[1]}/${m[2]}`)?.get(m[3] as string);
      return found(state === undefined ? undefined : { state, role: 'member' });
    }
    return undefined;
  }
}

/** `owner:branch`, as the `head` filter of GET /pulls names a pull request's head. */
function headLabel(pull: Record<string, unknown>): string {
  const head = pull.head as { ref?: string; repo?: { owner?: { login?: string } } | null } | undefined;
  return `${head?.repo?.owner?.login ?? ''}:${head?.ref ?? ''}`;
}

function found(value: unknown) {
  return value === undefined ? undefined : { body: value };
}

/** GitHub-style pages with a Link header. */
function page(url: URL, items: readonly unknown[]) {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const number = Number(url.searchParams.get('page') ?? 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const headers: Record<string, string> = {};
  if (number * perPage < items.length) {
    const next = new URL(url.toString());
    next.searchParams.set('page', String(number + 1));
    headers.link = `<${next.toString().replace('http://fake', '')}>; rel="next"`;
  }
  return { body: slice, headers };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
