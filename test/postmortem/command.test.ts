import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitHub } from '../support/github/fake-github.js';
import { checkout, EXAMPLE, type Checkout } from './harness.js';

const BEFORE_DUE = '2026-01-08T09:00:00Z';
let repo: Checkout | undefined;
afterEach(async () => {
  await repo?.github.stop();
  repo = undefined;
});

describe('guardrails followups against a fresh repository with the runbook example report', () => {
  it('creates exactly the three follow-up issues, with labels, assignees, due date and a link to the line', async () => {
    repo = await checkout();
    const { code, stdout } = await repo.run('--now', BEFORE_DUE);
    expect(code).toBe(0);
    expect(stdout).toContain('synced: 3 created, 0 updated, 0 closed, 0 commented');
    const issues = repo.github.issues;
    expect(issues.map((i) => i.title)).toEqual([
      '[INC-2026-0106] Replace failed disk on schema-registry-2 and broker 3 host',
      '[INC-2026-0106] Alert on under-replicated partitions of the `_schemas` topic',
      '[INC-2026-0106] Run a registry restore drill from the nightly backup and record the time to recover',
    ]);
    expect(issues[0]!.labels).toEqual(['postmortem', 'severity:P1', 'incident:INC-2026-0106']);
    expect(issues.map((i) => i.assignees)).toEqual([['sre-oncall'], ['platform-lead'], ['priya-raman']]);
    expect(issues[0]!.body).toMatch(/<!-- pm-action:v1 key=[0-9a-f]{20} incident=INC-2026-0106 src=postmortems%2F2026-01-06-schema-registry-outage.md item=0 due=2026-01-10 -->/);
    expect(issues[0]!.body).toContain(`(https://github.com/acme/platform/blob/main/${EXAMPLE}#L33)`);
    expect(issues[1]!.body).toContain('| Due | 2026-01-20 |');
    expect(issues[0]!.body).toContain('@acme/sre');
  });

  it('is a no-op on the second run: no create, update or comment, and the search API is never used', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    const before = repo.github.calls.length;
    const { code, stdout } = await repo.run('--now', BEFORE_DUE);
    expect(code).toBe(0);
    expect(stdout).toContain('synced: 0 created, 0 updated, 0 closed, 0 commented, 0 report(s) written back');
    const second = repo.github.calls.slice(before);
    expect(second.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(repo.github.issues).toHaveLength(3);
    expect(repo.github.callCount('GET /search')).toBe(0);
  });

  it('ticks the box of a closed issue on the sync branch, opens one PR, and unticks it when the issue is reopened', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    repo.github.setState(1, 'closed', '2026-01-09T10:00:00Z');
    const { stdout } = await repo.run('--now', BEFORE_DUE);
    expect(stdout).toContain('1 report(s) written back');
    const ticked = repo.github.files.get('postmortem-followups/sync')!.get(EXAMPLE)!;
    expect(ticked.split('\n')[32]).toBe('- [x] Replace failed disk on schema-registry-2 and broker 3 host (Assigned: SRE team, Due: 2026-01-10)');
    expect(ticked.split('\n')[33]).toMatch(/^- \[ \] Alert/);
    expect(repo.github.pulls).toHaveLength(1);

    // The PR merged: the checkout now has the tick. Reopening the issue unticks it (the same PR is reused).
    repo.write(EXAMPLE, ticked);
    repo.github.putFile('main', EXAMPLE, ticked);
    repo.github.setState(1, 'open');
    await repo.run('--now', BEFORE_DUE);
    expect(repo.github.files.get('postmortem-followups/sync')!.get(EXAMPLE)!.split('\n')[32]).toMatch(/^- \[ \] Replace/);
    expect(repo.github.pulls).toHaveLength(1);
  });

  it('closes the issue of an item ticked in the report', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    repo.write(EXAMPLE, repo.read(EXAMPLE).replace('- [ ] Alert on', '- [x] Alert on'));
    const { stdout } = await repo.run('--now', BEFORE_DUE);
    expect(stdout).toContain('1 closed');
    expect(repo.github.issues[1]!.state).toBe('closed');
  });

  it('does not duplicate when a create succeeded but answered 502 (found by listing, not re-posted)', async () => {
    repo = await checkout();
    repo.github.failNextCreateAfterStoring = true;
    const { code, stdout } = await repo.run('--now', BEFORE_DUE);
    expect(code).toBe(0);
    expect(stdout).toContain('(found after an unknown create outcome)');
    expect(repo.github.issues).toHaveLength(3);
    expect(repo.github.callCount('POST /repos/acme/platform/issues')).toBe(3 + 0);
  });

  it('updates the same issue when the item text or due date is edited', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    repo.write(EXAMPLE, repo.read(EXAMPLE)
      .replace('Replace failed disk on schema-registry-2 and broker 3 host', 'Replace the failed NVMe disk on the schema-registry-2 host')
      .replace('Due: 20 Jan 2026', 'Due: 2026-02-03'));
    const { stdout } = await repo.run('--now', BEFORE_DUE);
    expect(stdout).toContain('0 created, 2 updated');
    expect(repo.github.issues).toHaveLength(3);
    expect(repo.github.issues[0]!.title).toBe('[INC-2026-0106] Replace the failed NVMe disk on the schema-registry-2 host');
    expect(repo.github.issues[1]!.body).toContain('| Due | 2026-02-03 |');
    expect((await repo.run('--now', BEFORE_DUE)).stdout).toContain('0 created, 0 updated');
  });

  it('labels needs-owner and comments when an owner cannot be assigned, and still creates the issue', async () => {
    repo = await checkout({ assignable: ['platform-lead', 'priya-raman'] });
    const { code } = await repo.run('--now', BEFORE_DUE);
    expect(code).toBe(0);
    const disk = repo.github.issues[0]!;
    expect(disk.labels).toContain('needs-owner');
    expect(disk.assignees).toEqual([]);
    expect(repo.github.comments.get(1)?.[0]?.body).toContain('@sre-oncall (owner "SRE team") can be assigned');
  });

  it('reminds overdue items once per interval, not once per run', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    await repo.run('--now', '2026-01-12T09:00:00Z');
    await repo.run('--now', '2026-01-13T09:00:00Z');
    expect(repo.github.comments.get(1)?.map((c) => c.body.split('\n')[1])).toEqual([
      'Reminder: this follow-up was due on 2026-01-10 (2 days ago). @sre-oncall, please close it when done, or change its due date in the report.',
    ]);
    await repo.run('--now', '2026-01-19T09:00:00Z');
    expect(repo.github.comments.get(1)).toHaveLength(2);
    expect(repo.github.comments.get(2)).toBeUndefined();
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    repo = await checkout();
    const { code, stdout } = await repo.run('--now', BEFORE_DUE, '--dry-run');
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.startsWith('create '))).toHaveLength(3);
    expect(stdout).toContain(`(${EXAMPLE}:33) labels: postmortem, severity:P1, incident:INC-2026-0106 assignees: sre-oncall`);
    expect(repo.github.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
  });

  it('writes the JSON report and a job summary with the Mermaid on-time chart', async () => {
    repo = await checkout();
    await repo.run('--now', BEFORE_DUE);
    repo.github.setState(1, 'closed', '2026-01-09T10:00:00Z');
    await repo.run('--now', '2026-01-25T09:00:00Z', '--json', 'report.json', '--summary', 'summary.md');
    const report = JSON.parse(readFileSync(join(repo.dir, 'report.json'), 'utf8'));
    expect(report.metrics.totals).toMatchObject({ total: 3, open: 2, done: 1, overdue: 1, onTime: 1, eligible: 2, onTimePct: 50 });
    expect(report.metrics.byOwner['SRE team']).toMatchObject({ done: 1, onTimePct: 100 });
    const summary = readFileSync(join(repo.dir, 'summary.md'), 'utf8');
    expect(summary).toContain('```mermaid\nxychart-beta');
    expect(summary).toContain('x-axis ["2026-01"]');
    expect(summary).toContain('| P1 | 2 | 1 | 1 | 50% |');
  });

  it('opens an issue for a P1 incident without a completed post-mortem after 48 hours, and closes it once written', async () => {
    repo = await checkout();
    repo.write('incidents.yaml', '- { id: INC-2026-0201, severity: P2, date: "2026-02-01T08:00:00Z", title: Kafka broker 5 ISR flapping }\n');
    repo.write('guardrails.yaml', `${readFileSync(join(repo.dir, 'guardrails.yaml'), 'utf8')}  missingPostmortems: { incidentLog: incidents.yaml }\n`);
    await repo.run('--now', '2026-02-02T09:00:00Z');
    expect(repo.github.issues.filter((i) => i.title.includes('Post-mortem missing'))).toHaveLength(0);
    await repo.run('--now', '2026-02-03T09:00:00Z');
    const missing = repo.github.issues.filter((i) => i.title === '[INC-2026-0201] Post-mortem missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.labels).toEqual(['postmortem', 'postmortem-missing', 'severity:P2', 'incident:INC-2026-0201']);
    await repo.run('--now', '2026-02-03T10:00:00Z');
    expect(repo.github.issues.filter((i) => i.title.includes('Post-mortem missing'))).toHaveLength(1);
    repo.write('postmortems/2026-02-01-isr.md', readFileSync(join(repo.dir, EXAMPLE), 'utf8').replace('INC-2026-0106', 'INC-2026-0201'));
    await repo.run('--now', '2026-02-04T10:00:00Z');
    expect(missing[0]!.state).toBe('closed');
  });

  it('reports unreadable items with file and line, exits 1, and still syncs the readable ones', async () => {
    repo = await checkout();
    repo.write(EXAMPLE, repo.read(EXAMPLE).replace('(Owner: Platform team, Due: 20 Jan 2026)', '(Owner: Platform team, Due: 31 Feb 2026)'));
    const { code, stderr } = await repo.run('--now', BEFORE_DUE);
    expect(code).toBe(1);
    expect(stderr).toContain(`${EXAMPLE}:34: follow-up "Alert on under-replicated partitions of the \`_schemas\` topic" has a bad due date: "31 Feb 2026" is not a real calendar date`);
    expect(repo.github.issues).toHaveLength(2);
  });

  it('fails with exit 2 and a one-line message naming the config line and column, or the flag', async () => {
    repo = await checkout({ config: 'followups:\n  reminders: { intervalDays: 0 }\n' });
    const bad = await repo.run();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: guardrails.yaml:2:30: followups.reminders.intervalDays: Too small: expected number to be >=1; see docs/postmortem-followups.md#configuration\n');
    const flag = await repo.run('--frobnicate');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("error: Unknown option '--frobnicate' (see guardrails followups --help)\n");
    expect(repo.github.calls).toEqual([]);
  });

  it('uses the defaults when the default guardrails.yaml is absent', async () => {
    repo = await checkout();
    rmSync(join(repo.dir, 'guardrails.yaml'));
    const { code, stdout } = await repo.run('--now', BEFORE_DUE, '--dry-run', '--repo', 'acme/platform');
    expect(code).toBe(0);
    expect(stdout).toContain('dry run: 3 change(s) planned for 1 report(s); nothing written');
  });

  it('reads the same reports from an absolute --reports path as from a relative one', async () => {
    repo = await checkout();
    const relative = await repo.run('--now', BEFORE_DUE, '--dry-run', '--reports', 'postmortems');
    const absolute = await repo.run('--now', BEFORE_DUE, '--dry-run', '--reports', join(repo.dir, 'postmortems'));
    expect(absolute).toEqual(relative);
    expect(absolute.stdout).toContain('dry run: 3 change(s) planned for 1 report(s); nothing written');
    expect(absolute.stdout).toContain(`(${EXAMPLE}:33)`);
  });
});

describe('guardrails followups --format json', () => {
  it('prints one versioned document on stdout, the same one --json writes, with what was done', async () => {
    repo = await checkout();
    const { code, stdout, stderr } = await repo.run('--now', BEFORE_DUE, '--format', 'json', '--json', 'report.json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      reportVersion: 1, command: 'followups', exitCode: 0, dryRun: false, stopped: false, repo: 'acme/platform',
      reports: { folder: 'postmortems', count: 1 },
      planned: { create: 3, update: 0, close: 0, comment: 0, tick: 0 },
      done: { created: [{ number: 1, recovered: false }, { number: 2 }, { number: 3 }], updated: [], closed: [], commented: [], writtenBack: [], pullRequest: null },
      notDone: [], problems: [], drift: [],
      metrics: { totals: { total: 3, open: 3 } },
    });
    expect(report.operations.map((o: { kind: string }) => o.kind)).toEqual(['create', 'create', 'create']);
    expect(JSON.parse(repo.read('report.json'))).toEqual(report);
    // Progress goes to stderr, so stdout stays one JSON document.
    expect(stderr).toContain('created #1 https://github.test/issues/1');
  });
});

describe('guardrails followups when GitHub is unavailable', () => {
  it('exits 4 naming the API when it cannot be reached', async () => {
    repo = await checkout();
    const closed = await new FakeGitHub().start();
    const url = closed.url;
    await closed.stop();
    const { code, stderr } = await repo.runWith({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: url }, '--now', BEFORE_DUE);
    expect(code).toBe(4);
    expect(stderr).toMatch(/^error: GitHub listing issues labelled "postmortem" failed for acme\/platform after retries: .*ECONNREFUSED.*; check --api-url, or try again later\n$/);
  });

  it('exits 4 after retrying a 5xx answer, and writes nothing', async () => {
    repo = await checkout();
    const failing = await startAnswering(503, 'application/json', '{"message":"Service Unavailable"}');
    const { code, stderr } = await repo.runWith({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: failing.url }, '--now', BEFORE_DUE);
    expect(code).toBe(4);
    expect(stderr).toBe('error: GitHub listing issues labelled "postmortem" failed for acme/platform after retries: Service Unavailable; check --api-url, or try again later\n');
    expect(failing.seen).toEqual(['GET', 'GET', 'GET', 'GET']);
    await failing.close();
  });

  it('exits 2 when GitHub rejects the token, without echoing it', async () => {
    repo = await checkout();
    const refusing = await startAnswering(401, 'application/json', '{"message":"Bad credentials"}');
    const { code, stderr } = await repo.runWith({ GITHUB_TOKEN: 'ghp_secretValue123', GITHUB_API_URL: refusing.url }, '--now', BEFORE_DUE);
    expect(code).toBe(2);
    expect(stderr).toBe('error: GitHub listing issues labelled "postmortem" failed for acme/platform: 401 Bad credentials; check GITHUB_TOKEN (or GH_TOKEN)\n');
    await refusing.close();
  });
});

describe('guardrails followups --dry-run without a token', () => {
  it('plans offline and says so', async () => {
    repo = await checkout();
    const { code, stdout, stderr } = await repo.runWith({}, '--dry-run', '--now', BEFORE_DUE);
    expect(code).toBe(0);
    expect(stderr).toContain('note: no GITHUB_TOKEN (or GH_TOKEN); planning as if the repository had no follow-up issues');
    expect(stdout.split('\n').filter((l) => l.startsWith('create '))).toHaveLength(3);
    expect(repo.github.calls).toEqual([]);
  });

  it('refuses a real run without a token, with exit 2', async () => {
    repo = await checkout();
    const { code, stderr } = await repo.runWith({});
    expect(code).toBe(2);
    expect(stderr).toBe('error: no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) to a token with issues, contents and pull-requests write, or pass --dry-run to plan offline (see guardrails followups --help)\n');
  });
});

/** A server that gives every request the same answer and records the methods. */
async function startAnswering(status: number, type: string, body: string) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.method ?? '');
    req.resume();
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
