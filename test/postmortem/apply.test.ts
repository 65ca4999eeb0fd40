/** applyPlan once the run is stopped: what is left undone, and that nothing new is written. */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/postmortem/apply/apply.js';
import { parseFollowupsConfig } from '../../src/postmortem/config.js';
import { WriteNotStarted, type IssueTracker } from '../../src/postmortem/github/tracker.js';
import { itemKey } from '../../src/postmortem/sync/key.js';
import type { Operation, SyncPlan } from '../../src/postmortem/sync/plan-types.js';

/** A plain-object tracker that records writes; `onWrite` runs after each one (to stop the run there). */
function recordingTracker(onWrite: (write: string) => void = () => {}) {
  const writes: string[] = [];
  const write = async (what: string) => {
    writes.push(what);
    onWrite(what);
  };
  const tracker: IssueTracker = {
    listIssuesByLabel: async () => [],
    createIssue: async (issue) => {
      await write(`create ${issue.title}`);
      return { ok: true, issue: { number: writes.length, title: issue.title, body: issue.body, state: 'open', stateReason: null, labels: [], assignees: [], url: `u/${writes.length}`, closedAt: null } };
    },
    updateIssue: (n) => write(`update #${n}`),
    addComment: (n) => write(`comment #${n}`),
    listComments: async () => [],
    isAssignable: async () => true,
    readFile: async (path) => ({ text: `# R\n## Follow-Up Actions\n- [ ] item (Owner: @a, Due: 2026-01-10)\n`, sha: `sha-${path}` }),
    ensureBranch: (b) => write(`branch ${b}`),
    writeFile: (input) => write(`commit ${input.path}`),
    ensurePullRequest: async (input) => {
      await write(`pull ${input.branch}`);
      return 'https://github.test/pull/1';
    },
  };
  return { tracker, writes };
}

const create = (title: string): Operation => ({ kind: 'create', key: title, purpose: 'action-item', issue: { title, body: '', labels: [], assignees: [] } });
const tick = (file: string, issue: number): Operation => ({ kind: 'tick', file, line: 3, key: itemKey('INC-1', 'item'), incidentId: 'INC-1', done: true, issue });
const plan = (...operations: Operation[]): SyncPlan => ({ version: 1, operations, drift: [] });
const config = parseFollowupsConfig({});

describe('applyPlan after a stop', () => {
  it('finishes the write in flight, starts none after, and returns the rest as not done', async () => {
    const stop = new AbortController();
    const { tracker, writes } = recordingTracker((w) => w === 'create b' && stop.abort());
    const result = await applyPlan(plan(create('a'), create('b'), create('c'), { kind: 'close', issue: 9, reason: 'ticked', stateReason: 'completed' }), { tracker, config, log: () => {}, signal: stop.signal });
    expect(writes).toEqual(['create a', 'create b']);
    expect(result.created.map((c) => c.number)).toEqual([1, 2]);
    expect(result.notDone.map((o) => o.kind)).toEqual(['create', 'close']);
    expect(result.stopped).toBe(true);
  });

  it('counts a write refused before it was sent (waiting for the rate limiter) as not done', async () => {
    const stop = new AbortController();
    const { tracker, writes } = recordingTracker();
    tracker.updateIssue = async () => {
      stop.abort();
      throw new WriteNotStarted('PATCH /repos/acme/platform/issues/4');
    };
    const result = await applyPlan(plan({ kind: 'update', issue: 4, key: 'k', changes: { body: 'b' }, reasons: ['due date changed'] }, create('later')), { tracker, config, log: () => {}, signal: stop.signal });
    expect(writes).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.notDone.map((o) => o.kind)).toEqual(['update', 'create']);
  });

  it('writes back one report, then leaves the other report and the pull request, and says so', async () => {
    const stop = new AbortController();
    const { tracker, writes } = recordingTracker((w) => w === 'commit postmortems/a.md' && stop.abort());
    const result = await applyPlan(plan(tick('postmortems/a.md', 1), tick('postmortems/b.md', 2)), { tracker, config, log: () => {}, signal: stop.signal });
    expect(writes).toEqual(['branch postmortem-followups/sync', 'commit postmortems/a.md']);
    expect(result.writeback.files).toEqual(['postmortems/a.md']);
    expect(result.notDone).toEqual([tick('postmortems/b.md', 2)]);
  });

  it('names the pull request it did not open when stopped after the last commit', async () => {
    const stop = new AbortController();
    const { tracker, writes } = recordingTracker((w) => w.startsWith('commit ') && stop.abort());
    const result = await applyPlan(plan(tick('postmortems/a.md', 1)), { tracker, config, log: () => {}, signal: stop.signal });
    expect(writes).toEqual(['branch postmortem-followups/sync', 'commit postmortems/a.md']);
    expect(result.warnings).toEqual(['the pull request from postmortem-followups/sync to main was not opened (stopped); open it by hand']);
    expect(result.notDone).toEqual([]);
  });
});
