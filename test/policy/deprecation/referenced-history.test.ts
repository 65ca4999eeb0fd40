/**
 * The combined history of a subject and the files it references (issue 18): a state at every commit
 * where any of them changed, ordered by the first-parent chain, each file's content then.
 */
import { describe, expect, it } from 'vitest';
import { combinedStates, stateDates, type FileTrack } from '../../../src/policy/deprecation/referenced-history.js';

// The base's first-parent chain, newest first: c5 is the base commit.
const CHAIN = ['c5', 'c4', 'c3', 'c2', 'c1'];

const orders: FileTrack = { file: 'orders.avsc', versions: [{ commit: 'c1', path: 'orders.avsc', blob: 'o1' }, { commit: 'c4', path: 'orders.avsc', blob: 'o2' }] };
const money: FileTrack = { file: 'shared/money.avsc', versions: [{ commit: 'c2', path: 'common/money.avsc', blob: 'm1' }, { commit: 'c3', path: 'common/money.avsc', blob: 'm2' }] };

function summary(tracks: FileTrack[], chain: string[] | 'none' = CHAIN) {
  return combinedStates(tracks, chain === 'none' ? undefined : chain).map((s) => ({ commit: s.commit, blobs: Object.fromEntries([...s.files].map(([file, c]) => [file, c.blob])), gap: s.afterGap }));
}

describe('combined states', () => {
  it('has a state wherever either file changed, each with both files\' content then', () => {
    expect(summary([orders, money])).toEqual([
      { commit: 'c1', blobs: { 'orders.avsc': 'o1' }, gap: false },
      { commit: 'c2', blobs: { 'orders.avsc': 'o1', 'shared/money.avsc': 'm1' }, gap: false },
      { commit: 'c3', blobs: { 'orders.avsc': 'o1', 'shared/money.avsc': 'm2' }, gap: false },
      { commit: 'c4', blobs: { 'orders.avsc': 'o2', 'shared/money.avsc': 'm2' }, gap: false },
    ]);
  });

  it('keeps the path a file had then, by base path', () => {
    const states = combinedStates([orders, money], CHAIN);
    expect(states[2]?.files.get('shared/money.avsc')).toEqual({ path: 'common/money.avsc', blob: 'm2' });
  });

  it('one commit changing both files is one state', () => {
    const both: FileTrack = { ...money, versions: [{ commit: 'c1', path: 'm', blob: 'm0' }, { commit: 'c4', path: 'm', blob: 'm9' }] };
    expect(summary([orders, both]).map((s) => s.commit)).toEqual(['c1', 'c4']);
  });

  it('a re-add after a deletion, of either file, is a gap', () => {
    const readded: FileTrack = { file: 'm', versions: [{ commit: 'c2', path: 'm', blob: 'm1', reAdded: [{ commit: 'c3', path: 'm' }] }, { commit: 'c5', path: 'm', blob: 'm2', afterGap: true }] };
    expect(summary([orders, readded])).toEqual([
      { commit: 'c1', blobs: { 'orders.avsc': 'o1' }, gap: false },
      { commit: 'c2', blobs: { 'orders.avsc': 'o1', m: 'm1' }, gap: false },
      { commit: 'c3', blobs: { 'orders.avsc': 'o1', m: 'm1' }, gap: true },
      { commit: 'c4', blobs: { 'orders.avsc': 'o2', m: 'm1' }, gap: false },
      { commit: 'c5', blobs: { 'orders.avsc': 'o2', m: 'm2' }, gap: true },
    ]);
  });

  it('ignores a commit that is not on the first-parent chain', () => {
    const side: FileTrack = { file: 'm', versions: [{ commit: 'side', path: 'm', blob: 'mx' }] };
    expect(summary([orders, side]).map((s) => s.commit)).toEqual(['c1', 'c4']);
  });

  it('one file needs no chain: its versions are in order already', () => {
    const alone: FileTrack = { file: 'o', versions: [{ commit: 'a', path: 'o', blob: '1', reAdded: [{ commit: 'b', path: 'o' }] }, { commit: 'c', path: 'o', blob: '2' }] };
    expect(summary([alone], 'none')).toEqual([
      { commit: 'a', blobs: { o: '1' }, gap: false },
      { commit: 'b', blobs: { o: '1' }, gap: true },
      { commit: 'c', blobs: { o: '2' }, gap: false },
    ]);
  });

  it('several files without the chain is a bug', () => {
    expect(() => combinedStates([orders, money], undefined)).toThrow(/first-parent chain/);
  });

  it('dates every commit a state rests on', () => {
    const dated = [{ versions: [{ commit: 'a', date: '2026-01-01', reAdded: [{ commit: 'b', date: '2026-02-01' }] }] }, { versions: [{ commit: 'c', date: '2026-03-01' }] }];
    expect(stateDates(dated)).toEqual(new Map([['a', '2026-01-01'], ['b', '2026-02-01'], ['c', '2026-03-01']]));
  });
});
