import { afterEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../../src/github/git/repository.js';
import { runCheck } from '../../../src/policy/check/run-check.js';
import type { SubjectReport } from '../../../src/policy/report/model.js';
import { TempRepo } from '../../github/support/temp-repo.js';

// Issue 18: a shared file moved on the base branch or in the PR must not make the older versions of
// the subjects using it unreadable; each is read with the shared file as it was at its commit.
const CONFIG = `version: 1
subjects:
  - files: "schemas/orders.avsc"
    topic: orders
  - files: "schemas/*/money.avsc"
    subject: money
`;

const OLD = 'schemas/common/money.avsc';
const NEW = 'schemas/shared/money.avsc';

function money(extra: readonly object[] = []): string {
  const fields = [{ name: 'amount', type: 'long' }, { name: 'currency', type: 'string' }, ...extra];
  return `${JSON.stringify({ type: 'record', name: 'Money', namespace: 'com.acme', fields }, null, 2)}\n`;
}

function orders(extra: readonly object[] = []): string {
  const fields = [{ name: 'id', type: 'long' }, { name: 'total', type: 'com.acme.Money' }, ...extra];
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields }, null, 2)}\n`;
}

const MEMO = { name: 'memo', type: 'string', default: '' };
const NOTE = { name: 'note', type: 'string', default: '' };
const NOTE_REQUIRED = { name: 'note', type: 'string' };
const FX = { name: 'fx', type: 'double', default: 1 };

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

/** main: money under common/, orders twice (v1, then with memo); returns the repository and both orders commits. */
function baseRepo(): { repo: TempRepo; first: string; second: string } {
  const repo = TempRepo.create();
  repos.push(repo);
  const first = repo.write('guardrails.yaml', CONFIG).write(OLD, money()).write('schemas/orders.avsc', orders()).commit('v1');
  const second = repo.write('schemas/orders.avsc', orders([MEMO])).commit('orders: memo');
  return { repo, first, second };
}

async function check(repo: TempRepo, against: string): Promise<SubjectReport[]> {
  const report = await runCheck({ cwd: repo.dir, against, openRepository });
  return [...report.subjects].sort((a, b) => a.file.localeCompare(b.file));
}

/** What decides a verdict: subject, status, findings, and the versions checked against. */
function verdict(subject: SubjectReport | undefined) {
  return subject && {
    subject: subject.subject,
    status: subject.status,
    problems: subject.incompatibilities.map((problem) => problem.type),
    history: subject.history.map((version) => [version.commit, version.file]),
    error: subject.error?.message,
  };
}

describe('the git-relative check with a shared file that moved', () => {
  it('reads older versions of orders through money.avsc\'s old path after it was renamed (and changed) on the base', async () => {
    const { repo, first, second } = baseRepo();
    // The move also changes Money: the history must follow it by content similarity, not by path.
    repo.remove(OLD).write(NEW, money([FX])).commit('move money to shared, add fx');
    const base = repo.write('other.txt', 'x').commit('unrelated');
    repo.git('checkout', '-q', '-b', 'pr');

    repo.write('schemas/orders.avsc', orders([MEMO, NOTE]));
    const compatible = await check(repo, base);
    expect(compatible.map(verdict)).toEqual([
      { subject: 'orders-value', status: 'compatible', problems: [], history: [[first, 'schemas/orders.avsc'], [second, 'schemas/orders.avsc']], error: undefined },
    ]);

    repo.write('schemas/orders.avsc', orders([MEMO, NOTE_REQUIRED]));
    const incompatible = await check(repo, base);
    expect(incompatible.map(verdict)).toEqual([
      { subject: 'orders-value', status: 'incompatible', problems: ['READER_FIELD_MISSING_DEFAULT_VALUE'], history: [[first, 'schemas/orders.avsc'], [second, 'schemas/orders.avsc']], error: undefined },
    ]);
  });

  it('reads them through the base path when the PR itself moves money.avsc, and gives both subjects their verdicts', async () => {
    const { repo, first, second } = baseRepo();
    const base = second;
    repo.git('checkout', '-q', '-b', 'pr');
    // Committed, so that git sees the move as a rename of the money subject's file.
    repo.remove(OLD).write(NEW, money()).write('schemas/orders.avsc', orders([MEMO, NOTE])).commit('move money to shared, orders: note');

    const moved = await check(repo, base);
    expect(moved.map(verdict)).toEqual([
      { subject: 'orders-value', status: 'compatible', problems: [], history: [[first, 'schemas/orders.avsc'], [second, 'schemas/orders.avsc']], error: undefined },
      { subject: 'money', status: 'compatible', problems: [], history: [[first, OLD]], error: undefined },
    ]);
    expect(moved[1]?.previousFile).toBe(OLD);

    // A field without a default added to Money in the moved file breaks both subjects that carry it.
    repo.write(NEW, money([NOTE_REQUIRED]));
    const broken = await check(repo, base);
    expect(broken.map(verdict)).toEqual([
      { subject: 'orders-value', status: 'incompatible', problems: ['READER_FIELD_MISSING_DEFAULT_VALUE'], history: [[first, 'schemas/orders.avsc'], [second, 'schemas/orders.avsc']], error: undefined },
      { subject: 'money', status: 'incompatible', problems: ['READER_FIELD_MISSING_DEFAULT_VALUE'], history: [[first, OLD]], error: undefined },
    ]);
  });

  it('still fails closed when the shared file is gone from the PR, so an old version cannot be read', async () => {
    const { repo, second } = baseRepo();
    repo.git('checkout', '-q', '-b', 'pr');
    // Money now defined inline under another name: orders' old versions use a type no file defines.
    repo.remove(OLD).write('schemas/orders.avsc', orders([MEMO, NOTE]).replace('"com.acme.Money"', '"long"'));

    const ordersReport = (await check(repo, second)).find((subject) => subject.file === 'schemas/orders.avsc');
    expect(ordersReport?.status).toBe('error');
    expect(ordersReport?.error?.code).toBe('HISTORY_UNRESOLVED');
  });
});
