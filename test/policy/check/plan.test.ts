import { describe, expect, it } from 'vitest';
import { planCheck } from '../../../src/policy/check/plan.js';

const isSchemaFile = (path: string) => path.startsWith('schemas/') && path.endsWith('.avsc');

describe('planCheck', () => {
  it('checks changed schema files only, a rename against its old path', () => {
    const plan = planCheck({
      changes: [
        { status: 'modified', path: 'schemas/b.avsc' },
        { status: 'added', path: 'README.md' },
        { status: 'renamed', path: 'schemas/new.avsc', from: 'schemas/old.avsc' },
        { status: 'renamed', path: 'schemas/in.avsc', from: 'drafts/in.avsc' },
        { status: 'renamed', path: 'archive/out.avsc', from: 'schemas/out.avsc' },
        { status: 'deleted', path: 'schemas/gone.avsc' },
        { status: 'added', path: 'schemas/a.avsc' },
      ],
      files: ['schemas/a.avsc', 'schemas/b.avsc', 'schemas/c.avsc', 'schemas/new.avsc', 'schemas/in.avsc'],
      isSchemaFile,
      all: false,
    });
    expect(plan).toEqual({
      mode: 'changed',
      targets: [
        { file: 'schemas/a.avsc', kind: 'added', historyPath: 'schemas/a.avsc' },
        { file: 'schemas/b.avsc', kind: 'modified', historyPath: 'schemas/b.avsc' },
        { file: 'schemas/gone.avsc', kind: 'deleted', historyPath: 'schemas/gone.avsc' },
        { file: 'schemas/in.avsc', kind: 'added', historyPath: 'schemas/in.avsc' },
        { file: 'schemas/new.avsc', kind: 'renamed', historyPath: 'schemas/old.avsc' },
        { file: 'schemas/out.avsc', kind: 'deleted', historyPath: 'schemas/out.avsc' },
      ],
    });
  });

  it('checks every schema file with --all, keeping rename and deletion facts', () => {
    const plan = planCheck({
      changes: [
        { status: 'renamed', path: 'schemas/new.avsc', from: 'schemas/old.avsc' },
        { status: 'deleted', path: 'schemas/gone.avsc' },
      ],
      files: ['schemas/a.avsc', 'schemas/new.avsc', 'x.txt'],
      isSchemaFile,
      all: true,
    });
    expect(plan).toEqual({
      mode: 'all',
      targets: [
        { file: 'schemas/a.avsc', kind: 'unchanged', historyPath: 'schemas/a.avsc' },
        { file: 'schemas/gone.avsc', kind: 'deleted', historyPath: 'schemas/gone.avsc' },
        { file: 'schemas/new.avsc', kind: 'renamed', historyPath: 'schemas/old.avsc' },
      ],
    });
  });

  it('audits every schema file when no schema file changed', () => {
    const plan = planCheck({ changes: [{ status: 'modified', path: 'src/x.ts' }], files: ['schemas/b.avsc', 'schemas/a.avsc'], isSchemaFile, all: false });
    expect(plan).toEqual({
      mode: 'audit',
      targets: [
        { file: 'schemas/a.avsc', kind: 'unchanged', historyPath: 'schemas/a.avsc' },
        { file: 'schemas/b.avsc', kind: 'unchanged', historyPath: 'schemas/b.avsc' },
      ],
    });
  });
});
