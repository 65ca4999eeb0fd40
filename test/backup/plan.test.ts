import { describe, expect, it } from 'vitest';
import { planRestore } from '../../src/backup/plan.js';
import { topologicalOrder } from '../../src/backup/topo-order.js';
import { BackupError } from '../../src/backup/errors.js';
import { snapshot, v } from './builders.js';

const ref = (subject: string, version = 1) => ({ name: `n.${subject}`, subject, version });
const keys = (list: readonly { subject: string; version: number }[]) => list.map((x) => `${x.subject}/${x.version}`);
const PRESERVE = { preserveIds: true, full: false };
const empty = snapshot([]);

describe('topologicalOrder', () => {
  it('puts referenced versions first even when the referrer has a lower id, ties by id', () => {
    const order = topologicalOrder([v('ref', 1, 50, { references: [ref('base')] }), v('base', 1, 60), v('other', 1, 10), v('x', 1, 55)]);
    expect(keys(order)).toEqual(['other/1', 'x/1', 'base/1', 'ref/1']);
  });

  it('resolves unqualified references in the referrer context', () => {
    const order = topologicalOrder([v(':.c:a', 1, 1, { references: [ref('b')] }), v(':.c:b', 1, 2), v('b', 1, 0)]);
    expect(keys(order)).toEqual(['b/1', ':.c:b/1', ':.c:a/1']);
  });

  it('refuses a reference cycle', () => {
    expect(() => topologicalOrder([v('a', 1, 1, { references: [ref('b')] }), v('b', 1, 2, { references: [ref('a')] })])).toThrow(BackupError);
  });
});

describe('planRestore', () => {
  it('registers into an empty target in order, re-applies soft deletes referrers first, enters IMPORT per subject', () => {
    const backup = snapshot([v('base', 1, 1, { deleted: true }), v('top', 1, 2, { references: [ref('base')], deleted: true }), v('top', 2, 3)]);
    const plan = planRestore(backup, empty, PRESERVE);
    expect(keys(plan.register.map((r) => r.record))).toEqual(['base/1', 'top/1', 'top/2']);
    expect(plan.register.map((r) => r.level)).toEqual([0, 1, 0]);
    expect(keys(plan.softDeletes)).toEqual(['top/1', 'base/1']);
    expect(plan.imports).toEqual([
      { subject: 'base', force: false, leftInImport: false },
      { subject: 'top', force: false, leftInImport: false },
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('skips identical versions and forces IMPORT on subjects that have versions', () => {
    const backup = snapshot([v('a', 1, 1), v('a', 2, 2)], { a: { mode: 'READONLY' } });
    const target = snapshot([v('a', 1, 1)], { a: { mode: 'READWRITE' } });
    const plan = planRestore(backup, target, PRESERVE);
    expect(plan.skip).toEqual([{ subject: 'a', version: 1, id: 1, targetVersion: 1 }]);
    expect(keys(plan.register.map((r) => r.record))).toEqual(['a/2']);
    expect(plan.imports).toEqual([{ subject: 'a', force: true, restoreTo: 'READWRITE', leftInImport: false }]);
    expect(plan.settings).toEqual([{ scope: 'subject', name: 'a', kind: 'mode', action: 'set', mode: 'READONLY' }]);
  });

  it('reports every kind of conflict', () => {
    const backup = snapshot([v('a', 1, 1), v('b', 1, 2), v('c', 1, 3), v('d', 1, 4, { references: [ref('gone', 3)] }), v('e', 1, 5)]);
    const target = snapshot([
      v('a', 1, 1, { schema: '"string"' }),
      v('b', 1, 9),
      v('x', 1, 3, { schema: '"int"' }),
      v('e', 1, 5, { deleted: true }),
    ]);
    const plan = planRestore(backup, target, PRESERVE);
    expect(plan.conflicts.map((c) => `${c.subject}: ${c.message}`)).toEqual([
      "a: the target's version 1 has other content under the same id",
      "b: the target's version 1 has id 9 instead of 2",
      'c: id 3 in context . holds other content in the target (x v1)',
      'd: references gone v3, which is neither selected from the backup nor in the target; select it too',
      'e: soft-deleted in the target but live in the backup; a registry cannot undelete (hard-delete it in the target first)',
    ]);
  });

  it('accepts the same content under the same id in another subject', () => {
    const plan = planRestore(snapshot([v('a', 1, 7)]), snapshot([v('b', 1, 7)]), PRESERVE);
    expect(plan.conflicts).toEqual([]);
    expect(plan.register).toHaveLength(1);
  });

  it('treats a subject found in IMPORT as left over and removes the override afterwards', () => {
    const plan = planRestore(snapshot([v('a', 1, 1), v('a', 2, 2)]), snapshot([v('a', 1, 1)], { a: { mode: 'IMPORT' } }), PRESERVE);
    expect(plan.imports).toEqual([{ subject: 'a', force: true, leftInImport: true }]);
    expect(plan.settings).toEqual([]);
    const noWork = planRestore(snapshot([v('a', 1, 1)]), snapshot([v('a', 1, 1)], { a: { mode: 'IMPORT' } }), PRESERVE);
    expect(noWork.settings).toEqual([{ scope: 'subject', name: 'a', kind: 'mode', action: 'remove' }]);
  });

  it('plans config changes, replacing an override with extra fields, and global ones only for a full restore', () => {
    const backup = snapshot([v('a', 1, 1), v('b', 1, 2)], { a: { config: { compatibilityLevel: 'FULL' } } }, { global: { config: { compatibilityLevel: 'NONE' }, mode: 'READWRITE' } });
    const target = snapshot([v('a', 1, 1), v('b', 1, 2)], { a: { config: { compatibilityLevel: 'NONE', normalize: true } }, b: { config: { compatibilityLevel: 'NONE' } } }, { global: { config: { compatibilityLevel: 'BACKWARD' }, mode: 'READWRITE' } });
    expect(planRestore(backup, target, PRESERVE).settings).toEqual([
      { scope: 'subject', name: 'a', kind: 'config', action: 'set', config: { compatibilityLevel: 'FULL' }, replace: true },
      { scope: 'subject', name: 'b', kind: 'config', action: 'remove' },
    ]);
    expect(planRestore(backup, target, { preserveIds: true, full: true }).settings.at(-1)).toEqual({
      scope: 'global',
      name: '',
      kind: 'config',
      action: 'set',
      config: { compatibilityLevel: 'NONE' },
    });
  });

  it('matches by content and plans no IMPORT without preserved ids', () => {
    const plan = planRestore(snapshot([v('a', 1, 1), v('a', 2, 2)]), snapshot([v('a', 4, 40, { schema: v('a', 1, 1).schema })]), { preserveIds: false, full: false });
    expect(plan.skip).toEqual([{ subject: 'a', version: 1, id: 1, targetVersion: 4 }]);
    expect(keys(plan.register.map((r) => r.record))).toEqual(['a/2']);
    expect(plan.imports).toEqual([]);
  });
});
