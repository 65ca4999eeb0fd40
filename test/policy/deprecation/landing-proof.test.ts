import { describe, expect, it } from 'vitest';
import { activityMatcher, fallbackGate, matchActivities, uncoveredLanding, unprovenLanding, type BranchActivity, type BranchActivityType, type MatchRequest } from '../../../src/policy/deprecation/landing-proof.js';

const ZERO = '0'.repeat(40);
/** main's first-parent chain from the base commit, newest first: c6 is position 0, c1 position 5. */
const CHAIN = ['c6', 'c5', 'c4', 'c3', 'c2', 'c1'];

function act(type: BranchActivityType, before: string, after: string, at: string, actor: string | null = 'alice'): BranchActivity {
  return { type, before, after, at: `2026-${at}:00Z`, actor };
}

/** main's life, newest first: created at c1, c2+c3 in one push, a PR merge, a merge queue merge of two. */
const HISTORY = [
  act('merge_queue_merge', 'c4', 'c6', '10-06T10:00', 'github-merge-queue[bot]'),
  act('pr_merge', 'c3', 'c4', '10-04T10:00', 'bob'),
  act('push', 'c1', 'c3', '10-03T10:00'),
  act('branch_creation', ZERO, 'c1', '10-01T10:00'),
];

function request(commits: string[], extra: Partial<MatchRequest> = {}): MatchRequest {
  return { branch: 'main', chain: CHAIN, commits, ...extra };
}

/** Feeds activities one by one and counts how many the matcher consumed before saying it is done. */
function consumed(req: MatchRequest, activities: readonly BranchActivity[]): number {
  const matcher = activityMatcher(req);
  let read = 0;
  for (const activity of activities) {
    read++;
    if (matcher.feed(activity)) break;
  }
  return read;
}

describe('matching activities to the first-parent chain', () => {
  it('dates each commit by the activity whose before..after range holds its position', () => {
    const { landings, unresolved } = matchActivities(request(['c5', 'c4', 'c2', 'c3', 'c1']), HISTORY);
    expect(Object.fromEntries([...landings].map(([c, f]) => [c, [f.source, f.at]]))).toEqual({
      c5: ['activity', '2026-10-06T10:00:00Z'],
      c4: ['activity', '2026-10-04T10:00:00Z'],
      c3: ['activity', '2026-10-03T10:00:00Z'],
      c2: ['activity', '2026-10-03T10:00:00Z'],
      c1: ['activity', '2026-10-01T10:00:00Z'],
    });
    expect(unresolved).toEqual([]);
  });

  it('names the activity and its actor', () => {
    const { landings } = matchActivities(request(['c5', 'c4', 'c2', 'c1']), HISTORY);
    expect(landings.get('c5')?.detail).toBe('brought onto main by the merge queue merge by @github-merge-queue[bot] at 2026-10-06T10:00:00Z');
    expect(landings.get('c4')?.detail).toBe('brought onto main by the pull request merge by @bob at 2026-10-04T10:00:00Z');
    expect(landings.get('c2')?.detail).toBe('brought onto main by the push by @alice at 2026-10-03T10:00:00Z');
    expect(landings.get('c1')?.detail).toBe('brought onto main by the creation of the branch by @alice at 2026-10-01T10:00:00Z');
  });

  it('a branch creation (before all zeros) covers everything down to the root', () => {
    const { landings } = matchActivities(request(['c1', 'c3']), [act('branch_creation', ZERO, 'c4', '10-01T10:00')]);
    expect([landings.get('c1')?.at, landings.get('c3')?.at]).toEqual(['2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z']);
  });

  it('stops reading once every commit is dated', () => {
    expect(consumed(request(['c4']), HISTORY)).toBe(2);
    expect(consumed(request(['c5']), HISTORY)).toBe(1);
    expect(consumed(request(['c1']), HISTORY)).toBe(4);
  });

  it('skips activities newer than the base commit (their tips are not on its chain yet)', () => {
    const newer = [act('push', 'c6', 'c8', '10-08T10:00'), act('push', 'c8', 'c9', '10-09T10:00')].reverse();
    const { landings } = matchActivities(request(['c5']), [...newer, ...HISTORY]);
    expect(landings.get('c5')?.at).toBe('2026-10-06T10:00:00Z');
  });

  it('leaves commits no activity brought (history older than the record, or not on the chain) to the fallbacks', () => {
    const { landings, unresolved } = matchActivities(request(['c1', 'elsewhere']), HISTORY.slice(0, 3));
    expect(landings.size).toBe(0);
    expect([...unresolved].sort()).toEqual(['c1', 'elsewhere']);
  });

  it('knows the new tip of a fast-forward onto a merge whose first parent is not the old tip, and no more', () => {
    const foxtrot = [act('push', 'x9', 'c6', '10-06T10:00')];
    const { landings, unresolved } = matchActivities(request(['c6', 'c5']), foxtrot);
    expect(landings.get('c6')?.at).toBe('2026-10-06T10:00:00Z');
    expect(unresolved).toEqual(['c5']);
  });
});

describe('rewritten history', () => {
  it('a force push after the commit landed restarts its clock at the force push, naming the time and actor', () => {
    const history = [HISTORY[0] as BranchActivity, act('force_push', 'x7', 'c4', '10-05T09:00', 'mallory'), ...HISTORY.slice(1)];
    const { landings, unresolved } = matchActivities(request(['c5', 'c2']), history);
    expect(landings.get('c5')?.at).toBe('2026-10-06T10:00:00Z');
    // c2 is an ancestor of the force push's tip c4: on main since the force push, not since its push on 10-03.
    expect(landings.get('c2')).toEqual({
      commit: 'c2',
      source: 'activity',
      at: '2026-10-05T09:00:00Z',
      detail: 'on the branch since main was force-pushed by @mallory at 2026-10-05T09:00:00Z; the history before it was rewritten, so the window starts there',
    });
    expect(unresolved).toEqual([]);
  });

  it('a force push to a tip off the current chain makes every earlier commit unproven', () => {
    const history = [HISTORY[0] as BranchActivity, act('push', 'x8', 'c4', '10-05T10:00'), act('force_push', 'c4', 'x8', '10-05T09:00', 'mallory'), ...HISTORY.slice(1)];
    const { landings } = matchActivities(request(['c2']), history);
    expect(landings.get('c2')).toEqual({
      commit: 'c2',
      source: 'unproven',
      detail:
        'commit c2 reached the branch before main was force-pushed by @mallory at 2026-10-05T09:00:00Z, so the rewritten history cannot prove the marker stayed there; ' +
        'restart the window by removing the marker and marking the element again, or ask a Platform Lead for the emergency label',
    });
  });

  it('stops at the rewrite: nothing older can prove continuity', () => {
    const history = [act('force_push', 'x7', 'c6', '10-07T09:00', 'mallory'), ...HISTORY];
    expect(consumed(request(['c1']), history)).toBe(1);
  });

  it('a force push before the commit landed does not matter', () => {
    const history = [...HISTORY.slice(0, 2), act('force_push', 'x2', 'c3', '10-03T12:00', 'mallory'), ...HISTORY.slice(2)];
    const { landings } = matchActivities(request(['c4']), history);
    expect(landings.get('c4')).toEqual(expect.objectContaining({ source: 'activity', at: '2026-10-04T10:00:00Z' }));
  });

  it('an older tip that is not on the current chain means the history was rewritten', () => {
    const history = [HISTORY[0] as BranchActivity, act('push', 'x3', 'x4', '10-05T09:00', 'carol'), ...HISTORY.slice(1)];
    const { landings } = matchActivities(request(['c2']), history);
    expect(landings.get('c2')?.source).toBe('unproven');
    expect(landings.get('c2')?.detail).toContain('the push by @carol at 2026-10-05T09:00:00Z left main at x4, which is not on its current first-parent history');
  });

  it('a deleted branch, or a tip moved back, breaks continuity too', () => {
    const deleted = [HISTORY[0] as BranchActivity, act('branch_deletion', 'c4', ZERO, '10-05T09:00', null), ...HISTORY.slice(1)];
    expect(matchActivities(request(['c2']), deleted).landings.get('c2')?.detail).toContain('before main was deleted by a deleted account at 2026-10-05T09:00:00Z');
    const back = [HISTORY[0] as BranchActivity, act('push', 'c3', 'c4', '10-05T09:00'), act('push', 'c4', 'c3', '10-05T08:00'), ...HISTORY.slice(1)];
    expect(matchActivities(request(['c2']), back).landings.get('c2')?.detail).toContain('the push by @alice at 2026-10-05T08:00:00Z moved main back to an older commit');
  });
});

describe('the window start bounds the search', () => {
  it('a commit shown on the branch by the window start needs no older record', () => {
    const req = request(['c1'], { windowStart: '2026-10-05T00:00:00Z' });
    expect(consumed(req, HISTORY)).toBe(2);
    expect(matchActivities(req, HISTORY).landings.get('c1')).toEqual({
      commit: 'c1',
      source: 'activity',
      at: '2026-10-04T10:00:00Z',
      detail: 'on main no later than 2026-10-04T10:00:00Z (the pull request merge by @bob); older records were not read, the window had passed by then',
    });
  });

  it('inside the window it still finds the exact arrival', () => {
    const req = request(['c1'], { windowStart: '2026-09-01T00:00:00Z' });
    expect(matchActivities(req, HISTORY).landings.get('c1')?.at).toBe('2026-10-01T10:00:00Z');
  });
});

describe('fallbackGate: merged_at and web-flow dates only where the activity read covers the window', () => {
  it('the oldest entry read is the branch creation: the whole record was read', () => {
    // c6 is newer than every tip the record shows, so the activity leaves it unresolved.
    const match = matchActivities(request(['c6']), HISTORY.slice(1));
    expect([match.unresolved, match.oldestRead]).toEqual([['c6'], HISTORY[3]]);
    expect(fallbackGate(match, 'main', '2026-10-02T00:00:00Z')).toEqual({ allowed: true });
    expect(fallbackGate(match, 'main')).toEqual({ allowed: true });
  });

  it('a push from nothing (before all zeros) is a creation too', () => {
    expect(fallbackGate({ oldestRead: act('push', ZERO, 'c1', '10-01T10:00') }, 'main', '2026-10-02T00:00:00Z')).toEqual({ allowed: true });
  });

  it('the oldest entry read is older than the window start', () => {
    const match = matchActivities(request(['c6']), HISTORY.slice(1, 3));
    expect(match.oldestRead).toEqual(HISTORY[2]);
    expect(fallbackGate(match, 'main', '2026-10-03T10:00:01Z')).toEqual({ allowed: true });
  });

  it('the record read ends inside the window: unproven, with the reason', () => {
    const match = matchActivities(request(['c6']), HISTORY.slice(1, 3));
    const gate = fallbackGate(match, 'main', '2026-10-03T10:00:00Z');
    expect(gate).toEqual({
      allowed: false,
      reason:
        'the repository activity of main reaches back only to the push by @alice at 2026-10-03T10:00:00Z, later than the window\'s start (2026-10-03T10:00:00Z) and not to the creation of the branch, ' +
        'so a force push since the marker landed could be missing; merged_at and web-flow commit dates are not used without that record',
    });
    expect(uncoveredLanding('0123456789abcdef0123', 'main', gate.allowed ? '' : gate.reason)).toEqual({
      commit: '0123456789abcdef0123',
      source: 'unproven',
      detail: `no record proves when commit 0123456789ab reached main: ${gate.allowed ? '' : gate.reason}; re-run the check once the activity record covers the window, or ask a Platform Lead for the emergency label`,
    });
  });

  it('without a window start only the creation will do', () => {
    const gate = fallbackGate({ oldestRead: act('push', 'c1', 'c3', '01-01T10:00') }, 'main');
    expect(gate.allowed).toBe(false);
    expect(gate.allowed ? '' : gate.reason).toContain('reaches back only to the push by @alice at 2026-01-01T10:00:00Z, not to the creation of the branch, so');
  });

  it('an empty record proves nothing', () => {
    const match = matchActivities(request(['c6']), []);
    expect(match.oldestRead).toBeUndefined();
    const gate = fallbackGate(match, 'main', '2026-10-03T10:00:00Z');
    expect(gate.allowed ? '' : gate.reason).toBe('the repository activity of main lists nothing, so a force push since the marker landed could be missing; merged_at and web-flow commit dates are not used without that record');
  });

  it('a deleted account as the oldest actor is named as such', () => {
    const gate = fallbackGate({ oldestRead: act('force_push', 'c9', 'c3', '10-05T10:00', null) }, 'main', '2026-10-01T00:00:00Z');
    expect(gate.allowed ? '' : gate.reason).toContain('the force push by a deleted account at 2026-10-05T10:00:00Z');
  });
});

describe('unprovenLanding', () => {
  it('says which commit, why, and what to do', () => {
    expect(unprovenLanding('0123456789abcdef0123', 'main')).toEqual({
      commit: '0123456789abcdef0123',
      source: 'unproven',
      detail:
        'no record proves when commit 0123456789ab reached main: the repository activity does not list its arrival, no pull request into main has it as its merge commit, ' +
        'and it is not a commit GitHub created and signed (committer dates are set by the client); ' +
        're-run the check once the activity record lists it, land deprecation markers through pull requests, or ask a Platform Lead for the emergency label',
    });
  });
});
