/**
 * A small in-memory GitHub REST API over real HTTP, for the follow-up job's end-to-end tests and the benchmark.
 * It implements only the endpoints the job uses, with GitHub's paging (`Link`), label filtering, 422 on
 * unassignable users and a search endpoint (for the naive baseline). Latency and faults are injectable.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  closed_at: string | null;
  created_at: string;
}

export interface FakeGitHubOptions {
  readonly owner?: string;
  readonly repo?: string;
  /** Users that can be assigned. */
  readonly assignable?: readonly string[];
  readonly latencyMs?: number;
  readonly defaultBranch?: string;
}

type Handler = (req: IncomingMessage, url: URL, body: Record<string, unknown>) => [number, unknown, Record<string, string>?];

export class FakeGitHub {
  readonly issues: FakeIssue[] = [];
  readonly comments = new Map<number, Array<{ body: string; created_at: string }>>();
  readonly files = new Map<string, Map<string, string>>();
  readonly pulls: Array<{ number: number; head: string; base: string; title: string; html_url: string; state: string }> = [];
  /** Every request as `METHOD /path` (no query), in order. */
  readonly calls: string[] = [];
  /** Set to make the next issue create store the issue and then answer 502, like a timed-out proxy. */
  failNextCreateAfterStoring = false;
  private server?: Server;
  private readonly assignable: Set<string>;
  private readonly latency: number;
  private readonly prefix: string;

  constructor(private readonly opts: FakeGitHubOptions = {}) {
    this.assignable = new Set(opts.assignable ?? []);
    this.latency = opts.latencyMs ?? 0;
    this.prefix = `/repos/${opts.owner ?? 'acme'}/${opts.repo ?? 'platform'}`;
    this.files.set(opts.defaultBranch ?? 'main', new Map());
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | undefined;
    if (!addr) throw new Error('FakeGitHub not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** A person closing or reopening an issue in the UI. */
  setState(number: number, state: 'open' | 'closed', at = new Date().toISOString()): void {
    const issue = this.issue(number);
    issue.state = state;
    issue.state_reason = state === 'closed' ? 'completed' : 'reopened';
    issue.closed_at = state === 'closed' ? at : null;
  }

  putFile(branch: string, path: string, text: string): void {
    if (!this.files.has(branch)) this.files.set(branch, new Map());
    this.files.get(branch)!.set(path, text);
  }

  callCount(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }

  private issue(number: number): FakeIssue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    return issue;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.latency > 0) await new Promise((r) => setTimeout(r, this.latency));
    const url = new URL(req.url ?? '/', 'http://fake');
    this.calls.push(`${req.method} ${decodeURIComponent(url.pathname)}`);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const [status, payload, headers] = this.route(req, url, body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(payload));
  }

  private route(req: IncomingMessage, url: URL, body: Record<string, unknown>): [number, unknown, Record<string, string>?] {
    const path = decodeURIComponent(url.pathname);
    const routes: Array<[string, RegExp, Handler]> = [
      ['GET', /^\/search\/issues$/, (_r, u) => this.search(u)],
      ['GET', new RegExp(`^${this.prefix}/issues$`), (_r, u) => this.list(u)],
      ['POST', new RegExp(`^${this.prefix}/issues$`), (_r, _u, b) => this.create(b)],
      ['PATCH', new RegExp(`^${this.prefix}/issues/(\\d+)$`), (_r, _u, b) => this.update(num(path), b)],
      ['POST', new RegExp(`^${this.prefix}/issues/(\\d+)/comments$`), (_r, _u, b) => this.comment(num(path), b)],
      ['GET', new RegExp(`^${this.prefix}/issues/(\\d+)/comments$`), () => [200, this.comments.get(num(path)) ?? []]],
      ['GET', new RegExp(`^${this.prefix}/assignees/([^/]+)$`), () => [this.assignable.has(path.split('/').pop()!) ? 204 : 404, { message: 'Not Found' }]],
      ['GET', new RegExp(`^${this.prefix}/contents/(.+)$`), (_r, u) => this.getFile(u)],
      ['PUT', new RegExp(`^${this.prefix}/contents/(.+)$`), (_r, u, b) => this.putContents(u, b)],
      ['GET', new RegExp(`^${this.prefix}/git/ref/heads/(.+)$`), () => this.getRef(decodeURIComponent(path.split('/git/ref/heads/')[1]!))],
      ['POST', new RegExp(`^${this.prefix}/git/refs$`), (_r, _u, b) => this.createRef(b)],
      ['GET', new RegExp(`^${this.prefix}/pulls$`), (_r, u) => [200, this.pulls.filter((p) => p.state === 'open' && `${this.opts.owner ?? 'acme'}:${p.head}` === u.searchParams.get('head'))]],
      ['POST', new RegExp(`^${this.prefix}/pulls$`), (_r, _u, b) => this.openPull(b)],
    ];
    const hit = routes.find(([m, re]) => m === req.method && re.test(path));
    return hit ? hit[2](req, url, body) : [404, { message: `fake: no route ${req.method} ${path}` }];
  }

  private list(u: URL): [number, unknown, Record<string, string>] {
    const labels = (u.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const state = u.searchParams.get('state') ?? 'open';
    const perPage = Number(u.searchParams.get('per_page') ?? 30);
    const page = Number(u.searchParams.get('page') ?? 1);
    const all = this.issues
      .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => b.number - a.number);
    const slice = all.slice((page - 1) * perPage, page * perPage).map((i) => this.render(i));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) => {
      const next = new URL(u.toString().replace('http://fake', this.url));
      next.searchParams.set('page', String(p));
      return `<${next}>; rel="${rel}"`;
    };
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
    return [200, slice, links.length ? { link: links.join(', ') } : {}];
  }

  private search(u: URL): [number, unknown] {
    const q = u.searchParams.get('q') ?? '';
    const phrase = /"([^"]+)"/.exec(q)?.[1] ?? '';
    const items = this.issues.filter((i) => i.body.includes(phrase)).map((i) => this.render(i));
    return [200, { total_count: items.length, incomplete_results: false, items }];
  }

  private create(b: Record<string, unknown>): [number, unknown] {
    const assignees = (b.assignees as string[] | undefined) ?? [];
    const bad = assignees.filter((a) => !this.assignable.has(a));
    if (bad.length > 0) {
      return [422, { message: 'Validation Failed', errors: [{ value: bad[0], resource: 'Issue', field: 'assignees', code: 'invalid' }] }];
    }
    const number = this.issues.length + 1;
    const issue: FakeIssue = {
      number, id: 1000 + number, title: String(b.title), body: String(b.body ?? ''), state: 'open', state_reason: null,
      labels: (b.labels as string[] | undefined) ?? [], assignees, closed_at: null, created_at: new Date().toISOString(),
    };
    this.issues.push(issue);
    if (this.failNextCreateAfterStoring) {
      this.failNextCreateAfterStoring = false;
      return [502, { message: 'Bad Gateway' }];
    }
    return [201, this.render(issue)];
  }

  private update(number: number, b: Record<string, unknown>): [number, unknown] {
    const issue = this.issue(number);
    if (typeof b.title === 'string') issue.title = b.title;
    if (typeof b.body === 'string') issue.body = b.body;
    if (Array.isArray(b.labels)) issue.labels = b.labels as string[];
    if (Array.isArray(b.assignees)) issue.assignees = (b.assignees as string[]).filter((a) => this.assignable.has(a));
    if (b.state === 'closed' || b.state === 'open') this.setState(number, b.state);
    return [200, this.render(issue)];
  }

  private comment(number: number, b: Record<string, unknown>): [number, unknown] {
    const list = this.comments.get(number) ?? [];
    list.push({ body: String(b.body), created_at: new Date().toISOString() });
    this.comments.set(number, list);
    return [201, { id: list.length, body: b.body }];
  }

  private getFile(u: URL): [number, unknown] {
    const path = decodeURIComponent(u.pathname.split('/contents/')[1]!);
    const text = this.files.get(u.searchParams.get('ref') ?? 'main')?.get(path);
    if (text === undefined) return [404, { message: 'Not Found' }];
    return [200, { type: 'file', path, sha: sha(text), encoding: 'base64', content: Buffer.from(text).toString('base64') }];
  }

  private putContents(u: URL, b: Record<string, unknown>): [number, unknown] {
    const path = decodeURIComponent(u.pathname.split('/contents/')[1]!);
    const branch = String(b.branch ?? 'main');
    const current = this.files.get(branch)?.get(path);
    if (current !== undefined && sha(current) !== b.sha) return [409, { message: `${path} does not match ${String(b.sha)}` }];
    this.putFile(branch, path, Buffer.from(String(b.content), 'base64').toString('utf8'));
    return [200, { content: { path } }];
  }

  private getRef(branch: string): [number, unknown] {
    if (!this.files.has(branch)) return [404, { message: 'Not Found' }];
    return [200, { ref: `refs/heads/${branch}`, object: { sha: `sha-${branch}`, type: 'commit' } }];
  }

  private createRef(b: Record<string, unknown>): [number, unknown] {
    const branch = String(b.ref).replace('refs/heads/', '');
    const from = [...this.files.keys()].find((k) => `sha-${k}` === b.sha) ?? 'main';
    this.files.set(branch, new Map(this.files.get(from)));
    return [201, { ref: b.ref, object: { sha: `sha-${branch}` } }];
  }

  private openPull(b: Record<string, unknown>): [number, unknown] {
    const number = this.pulls.length + 1;
    const pr = { number, head: String(b.head), base: String(b.base), title: String(b.title), state: 'open', html_url: `https://github.test/pull/${number}` };
    this.pulls.push(pr);
    return [201, pr];
  }

  private render(i: FakeIssue): unknown {
    return { ...i, labels: i.labels.map((name) => ({ name })), assignees: i.assignees.map((login) => ({ login })), html_url: `https://github.test/issues/${i.number}` };
  }
}

function num(path: string): number {
  return Number(/\/issues\/(\d+)/.exec(path)![1]);
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
