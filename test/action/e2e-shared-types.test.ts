/**
 * End to end on the bundle (issue 18): a marker on a shared type counts everywhere the type is used.
 * `schemas/common/money.avsc` deprecated `Money` (and the symbol `Currency.XAU`, through
 * `deprecatedSymbols`) 60 days ago by main's activity record; `orders` and `payments` reference
 * `Money`, and `orders` changed on main since (20 days ago, inside the window, so the record is read back
 * to the marker's own push). A PR removing `Money.legacy` while editing `orders`
 * (the case) or `payments`, or removing `XAU`, passes, dated where the marker landed, and
 * the table names the defining file. A shared file renamed since the marker keeps its date.
 * Triggered by GitHub's own `synchronize` webhook payload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { committedActionBundle } from '../support/github-fake/bundle.js';
import { FakeGitHub } from '../support/github-fake/server.js';
import { Repo, runBundle, type RunResult } from './e2e-support.js';

const POLICY = `version: 1
subjects:
  - files: "schemas/orders.avsc"
    topic: orders
  - files: "schemas/payments.avsc"
    topic: payments
  - files: "schemas/*/money.avsc"
    subject: money
approvals:
  platform-leads: [lead1]
  required: { platform-lead: 0, domain-expert: 0 }
  exclude-last-pusher: false
`;
const ZERO = '0'.repeat(40);

interface MoneyOptions {
  readonly marked?: boolean;
  readonly legacy?: boolean;
  readonly currencies?: readonly string[];
}

function money(options: MoneyOptions = {}): string {
  const { marked = false, legacy = true, currencies = ['USD', 'EUR', 'XAU'] } = options;
  const currency = { type: 'enum', name: 'Currency', symbols: currencies, ...(marked && currencies.includes('XAU') && { deprecatedSymbols: ['XAU'] }) };
  const fields: unknown[] = [{ name: 'amount', type: 'long' }, { name: 'currency', type: currency }];
  if (legacy) fields.push({ name: 'legacy', type: 'string', default: '' });
  return `${JSON.stringify({ type: 'record', name: 'Money', namespace: 'com.acme', fields, ...(marked && { deprecated: 'use amount' }) }, null, 2)}\n`;
}

function user(name: string, extra: readonly string[] = []): string {
  const fields: unknown[] = [{ name: 'id', type: 'long' }, { name: 'total', type: 'com.acme.Money' }, ...extra.map((field) => ({ name: field, type: 'string', default: '' }))];
  return `${JSON.stringify({ type: 'record', name, namespace: 'com.acme', fields }, null, 2)}\n`;
}

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const push = (type: string, before: string, after: string, days: number) => ({ activity_type: type, before, after, ref: 'refs/heads/main', timestamp: ago(days), actor: { login: 'lead1' } });

/** A repository and a fake of its GitHub, with PRs opened from branches of main. */
class Scenario {
  readonly repo = new Repo();
  readonly fake = new FakeGitHub();
  apiUrl = '';
  base = '';
  /** When the record says each commit reached main. */
  readonly pushedAt = new Map<string, string>();
  private readonly heads = new Map<string, string>();

  async start(): Promise<void> {
    this.apiUrl = await this.fake.start();
  }

  /** Main's record: each commit pushed on its own day (the first creates the branch), newest first. */
  record(commits: readonly { sha: string; days: number }[]): void {
    const entries = commits.map((c, i) => (i === 0 ? push('branch_creation', ZERO, c.sha, c.days) : push('push', (commits[i - 1] as { sha: string }).sha, c.sha, c.days)));
    entries.forEach((entry) => this.pushedAt.set(entry.after, entry.timestamp));
    this.fake.state.activity.set('acme/schemas:refs/heads/main', entries.reverse());
    this.base = (commits[commits.length - 1] as { sha: string }).sha;
    this.fake.state.contents.set(`${this.base}:guardrails.yaml`, POLICY);
  }

  /** A PR branch off main with these files written, as pull request `number`. */
  branch(number: number, files: Record<string, string>): void {
    const name = `pr${number}`;
    this.repo.git(new Date(), 'checkout', '-q', 'main');
    this.repo.git(new Date(), 'checkout', '-q', '-b', name);
    for (const [path, text] of Object.entries(files)) this.repo.write(path, text);
    const head = this.repo.commit(name, 1);
    this.heads.set(name, head);
    this.fake.state.pulls.set(number, {
      number, state: 'open', user: { login: 'dev' }, labels: [],
      head: { sha: head, ref: name, repo: { full_name: 'acme/schemas', name: 'schemas', owner: { login: 'acme' } } },
      base: { sha: this.base, ref: 'main', repo: { full_name: 'acme/schemas', owner: { login: 'acme' } } },
    });
    this.fake.state.commits.set(number, [{ sha: head, author: { login: 'dev' }, committer: { login: 'dev' } }]);
  }

  /** The action on PR `number`, started by GitHub's `synchronize` payload. */
  run(number: number): Promise<RunResult> {
    const name = `pr${number}`;
    const head = this.heads.get(name) as string;
    this.repo.git(new Date(), 'checkout', '-q', name);
    const entry = (examples as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === 'pull_request');
    const payload = structuredClone(entry?.examples.find((e) => e.action === 'synchronize') ?? {}) as { pull_request: Record<string, unknown> };
    Object.assign(payload.pull_request, { number, head: { sha: head, ref: name }, base: { sha: this.base, ref: 'main' } });
    const env = { GITHUB_REPOSITORY: 'acme/schemas', GITHUB_WORKSPACE: this.repo.dir, GITHUB_API_URL: this.apiUrl };
    return runBundle(committedActionBundle(), env, { 'github-token': 'ghs_e2eSharedTypesToken00000000000000000' }, payload, 'pull_request');
  }

  stop(): Promise<void> {
    return this.fake.stop();
  }
}

function verdictOf(result: RunResult): { conclusion: string; problems: string[] } {
  return (JSON.parse(result.outputs.result ?? '{}') as { verdict: { conclusion: string; problems: string[] } }).verdict;
}

/** The subject's section of the summary: from its heading to the next one. */
function section(summary: string, subject: string): string {
  const start = summary.indexOf(`### \`${subject}\``);
  if (start < 0) return '';
  const end = summary.indexOf('\n### ', start + 1);
  return summary.slice(start, end < 0 ? undefined : end);
}

/** The countdown row of a matured element whose marker the activity record dates `at`. */
function maturedRow(label: string, at: string | undefined, definedIn: string): string {
  const removable = new Date(Date.parse(at ?? '') + 30 * 86_400_000).toISOString();
  return `| \`${label}\` | ${at?.slice(0, 10)} (repository activity) | ${removable.slice(0, 10)} | ✅ removable now | ${definedIn} |`;
}

describe('markers on shared types, end to end', () => {
  const shared = new Scenario();
  let marked = '';
  const markedAt = () => shared.pushedAt.get(marked);

  beforeAll(async () => {
    await shared.start();
    const { repo } = shared;
    const v1 = repo.write('guardrails.yaml', POLICY).write('schemas/common/money.avsc', money()).write('schemas/orders.avsc', user('Order')).write('schemas/payments.avsc', user('Payment')).commit('v1', 100);
    marked = repo.write('schemas/common/money.avsc', money({ marked: true })).commit('deprecate Money and XAU', 60);
    const ordersChanged = repo.write('schemas/orders.avsc', user('Order', ['memo'])).commit('orders: memo', 20);
    const base = repo.write('README.md', 'schemas\n').commit('readme', 5);
    shared.record([{ sha: v1, days: 100 }, { sha: marked, days: 60 }, { sha: ordersChanged, days: 20 }, { sha: base, days: 5 }]);
    // The case: Money.legacy removed, orders edited.
    shared.branch(1, { 'schemas/common/money.avsc': money({ marked: true, legacy: false }), 'schemas/orders.avsc': user('Order', ['memo', 'ref']) });
    // The same shared type, the other subject using it edited.
    shared.branch(2, { 'schemas/common/money.avsc': money({ marked: true, legacy: false }), 'schemas/payments.avsc': user('Payment', ['ref']) });
    // The shared enum's symbol marked through deprecatedSymbols, removed.
    shared.branch(3, { 'schemas/common/money.avsc': money({ marked: true, currencies: ['USD', 'EUR'] }), 'schemas/orders.avsc': user('Order', ['memo', 'ref']) });
  }, 120_000);

  afterAll(() => shared.stop());

  it('orders sees the matured marker that landed in money.avsc (the issue\'s case), and so does Money', async () => {
    const result = await shared.run(1);
    expect(verdictOf(result)).toEqual(expect.objectContaining({ conclusion: 'success', problems: [] }));
    expect(result.code).toBe(0);
    expect(section(result.summary, 'orders-value')).toContain(maturedRow('Money.legacy', markedAt(), '`schemas/common/money.avsc`'));
    expect(section(result.summary, 'orders-value')).toContain('🟠 breaking, allowed (deprecation matured)');
    expect(section(result.summary, 'money')).toContain(maturedRow('Money.legacy', markedAt(), '`schemas/common/money.avsc`'));
    expect(shared.fake.state.checkRuns.filter((r) => r.name === 'Schema guardrails: main').pop()?.conclusion).toBe('success');
  }, 120_000);

  it('a shared type referenced by two subjects, the other one changed in the PR, is dated alike', async () => {
    const result = await shared.run(2);
    expect(verdictOf(result)).toEqual(expect.objectContaining({ conclusion: 'success', problems: [] }));
    expect(section(result.summary, 'payments-value')).toContain(maturedRow('Money.legacy', markedAt(), '`schemas/common/money.avsc`'));
    // orders did not change: its registered version stays, and it has no section to block.
    expect(section(result.summary, 'orders-value')).toBe('');
  }, 120_000);

  it('a shared enum symbol marked through deprecatedSymbols is dated from the defining file', async () => {
    const result = await shared.run(3);
    expect(verdictOf(result)).toEqual(expect.objectContaining({ conclusion: 'success', problems: [] }));
    expect(section(result.summary, 'orders-value')).toContain(maturedRow('Currency.XAU', markedAt(), '`schemas/common/money.avsc`'));
    expect(section(result.summary, 'money')).toContain(maturedRow('Currency.XAU', markedAt(), '`schemas/common/money.avsc`'));
  }, 120_000);
});

describe('a shared file renamed between the marker and the removal, end to end', () => {
  const moved = new Scenario();
  let marked = '';

  beforeAll(async () => {
    await moved.start();
    const { repo } = moved;
    const v1 = repo.write('guardrails.yaml', POLICY).write('schemas/common/money.avsc', money()).write('schemas/orders.avsc', user('Order')).commit('v1', 100);
    marked = repo.write('schemas/common/money.avsc', money({ marked: true })).commit('deprecate Money', 60);
    repo.git(new Date(), 'rm', '-q', 'schemas/common/money.avsc');
    const renamed = repo.write('schemas/shared/money.avsc', money({ marked: true })).commit('move money to shared', 20);
    moved.record([{ sha: v1, days: 100 }, { sha: marked, days: 60 }, { sha: renamed, days: 20 }]);
    moved.branch(4, { 'schemas/shared/money.avsc': money({ marked: true, legacy: false }) });
  }, 120_000);

  afterAll(() => moved.stop());

  it('keeps the date the marker landed under the old path, and says where', async () => {
    const result = await moved.run(4);
    expect(verdictOf(result)).toEqual(expect.objectContaining({ conclusion: 'success', problems: [] }));
    expect(section(result.summary, 'money')).toContain(maturedRow('Money.legacy', moved.pushedAt.get(marked), '`schemas/shared/money.avsc` (marked as `schemas/common/money.avsc`)'));
  }, 120_000);
});
