import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo, gitIn } from '../github/support/temp-repo.js';
import { CONFIG, PRICE, SYMBOL, record } from './schemas.js';
import { hasStackTrace, runCli } from './support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A repository whose main branch has guardrails.yaml and schemas/ticks.avsc (symbol, price), now on a feature branch. */
function repoWithTicks(): TempRepo {
  const repo = TempRepo.create();
  cleanups.push(() => repo.cleanup());
  repo.write('guardrails.yaml', CONFIG).write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE])).commit('ticks v1');
  repo.git('checkout', '-q', '-b', 'feature');
  return repo;
}

function json(stdout: string) {
  return JSON.parse(stdout) as {
    ok: boolean;
    mode: string;
    subjects: { subject: string | null; file: string; status: string; incompatibilities: { type: string; line: number; column: number }[] }[];
  };
}

describe('guardrails check', () => {
  it('passes a compatible change, exit 0', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }]));

    const result = await runCli(['check'], repo.dir);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ market.ticks-value  schemas/ticks.avsc  BACKWARD  compatible with 1 earlier version');
    expect(result.stdout).toMatch(/info +Tick\.venue: /);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 compatible: OK');
  });

  it('fails an incompatible change with file:line:column, the source line and a fix, exit 1', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));

    const result = await runCli(['check'], repo.dir);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ market.ticks-value  schemas/ticks.avsc  BACKWARD  incompatible (1 problem)');
    expect(result.stdout).toContain('1) READER_FIELD_MISSING_DEFAULT_VALUE at schemas/ticks.avsc:8:5');
    expect(result.stdout).toContain('     8 |     {"name":"venue","type":"string"}\n       |     ^\n');
    expect(result.stdout).toContain("fix: add a default to field 'venue' so that new readers can read old records");
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours the text report on a terminal unless NO_COLOR is set', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string' }]));
    expect((await runCli(['check'], repo.dir, {}, true)).stdout).toContain('\u001b[31m✗\u001b[39m');
    expect((await runCli(['check'], repo.dir, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
  });

  it('uses the subject level from the config', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/trades.avsc', record('Trade', [SYMBOL, PRICE])).commit('trades v1');
    // Dropping a field without a default passes BACKWARD but not FULL (old readers need it).
    repo.write('schemas/trades.avsc', record('Trade', [SYMBOL]));
    const result = await runCli(['check', '--against', 'HEAD', '--format', 'json'], repo.dir);
    const report = json(result.stdout);
    expect(result.code).toBe(1);
    expect(report.subjects.map((s) => [s.subject, s.status, s.incompatibilities.map((i) => i.type)])).toEqual([
      ['market.trades-value', 'incompatible', ['READER_FIELD_MISSING_DEFAULT_VALUE']],
    ]);
  });

  it('writes the documented JSON shape', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, { name: 'price', type: 'string' }]));
    const base = repo.git('rev-parse', 'main');

    const result = await runCli(['check', '--format', 'json', '--against', 'main'], repo.dir);

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      reportVersion: 1,
      ok: false,
      mode: 'changed',
      against: { ref: 'main', commit: base, mergeBase: base },
      subjects: [
        {
          subject: 'market.ticks-value',
          file: 'schemas/ticks.avsc',
          previousFile: null,
          level: 'BACKWARD',
          status: 'incompatible',
          compatible: false,
          incompatibilities: [
            {
              type: 'TYPE_MISMATCH',
              location: '/fields/1/type',
              message: 'reader type: STRING not compatible with writer type: DOUBLE',
              description: "The type (path '/fields/1/type') of a field in the new schema does not match with the old schema",
              file: 'schemas/ticks.avsc',
              line: 7,
              column: 21,
              commit: null,
              version: 0,
              direction: 'backward',
              candidateVersion: null,
            },
          ],
          changes: [expect.objectContaining({ severity: 'breaking', path: 'Tick.price', file: 'schemas/ticks.avsc', line: 7 })],
          history: [{ version: 0, commit: base, date: repo.dateOf(base), file: 'schemas/ticks.avsc', changes: null, registryVersion: null, registryId: null }],
          error: null,
          warnings: [],
          registry: null,
        },
      ],
      warnings: [],
      source: 'git',
      registryUrl: null,
      degraded: null,
    });
  });

  it('writes GitHub annotations at the line, escaping properties and data', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/odd,name:1%.avsc', record('Odd', [SYMBOL])).commit('odd v1');
    repo.write('schemas/odd,name:1%.avsc', record('Odd', [SYMBOL, { name: 'venue', type: 'string' }]));

    const result = await runCli(['check', '--format', 'github', '--against', 'HEAD'], repo.dir);

    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=schemas/odd%2Cname%3A1%25.avsc,line=7,col=5,title=com.acme.Odd%3A READER_FIELD_MISSING_DEFAULT_VALUE (BACKWARD)::' +
        "The field 'venue' at path '/fields/1' in the new schema has no default value and is missing in the old schema. " +
        "Fix: add a default to field 'venue' so that new readers can read old records.",
    );
    expect(lines.at(-1)).toBe('guardrails: 1 schema file(s) checked, 1 failed: FAILED');
  });

  it('follows a rename to the file history, reports new and deleted subjects', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/quotes.avsc', record('Quote', [SYMBOL])).commit('quotes v1');
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('mv', 'schemas/ticks.avsc', 'schemas/ticks_asx.avsc');
    repo.remove('schemas/quotes.avsc');
    repo.write('schemas/orders.avsc', record('Order', [SYMBOL]));

    const result = await runCli(['check', '--format', 'json', '--against', base], repo.dir);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { subjects: { file: string; previousFile: string | null; status: string; history: unknown[] }[] };
    expect(report.subjects.map((s) => [s.file, s.previousFile, s.status, s.history.length])).toEqual([
      ['schemas/orders.avsc', null, 'new', 0],
      ['schemas/quotes.avsc', null, 'deleted', 1],
      ['schemas/ticks_asx.avsc', 'schemas/ticks.avsc', 'compatible', 1],
    ]);
  });

  it('builds history from first parents only: side-branch commits are not versions', async () => {
    const repo = repoWithTicks();
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'side');
    // A side-branch commit with an intermediate version that the final one could not read.
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'tmp', type: 'int' }])).commit('side: tmp');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }])).commit('side: venue');
    repo.git('checkout', '-q', 'main');
    repo.merge('side');
    repo.git('checkout', '-q', 'feature');
    repo.git('merge', '-q', 'main');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }, { name: 'seq', type: 'long', default: 0 }]));

    const result = await runCli(['check', '--format', 'json', '--against', 'main'], repo.dir);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { subjects: { history: { commit: string }[] }[] };
    expect(report.subjects[0]?.history.map((v) => repo.git('log', '-1', '--format=%s', v.commit))).toEqual(['ticks v1', 'merge side']);
  });

  it('audits every version against its predecessors when nothing changed', async () => {
    const repo = repoWithTicks();
    repo.git('checkout', '-q', 'main');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL])).commit('v2 drops price');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, { name: 'venue', type: 'string' }])).commit('v3 adds venue without default');

    const result = await runCli(['check', '--format', 'json'], repo.dir);

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { mode: string; subjects: { incompatibilities: object[] }[] };
    expect(report.mode).toBe('audit');
    expect(report.subjects[0]?.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', line: 7, column: 5, version: 1, candidateVersion: 2 }),
    ]);
    const text = await runCli(['check'], repo.dir);
    expect(text.stdout).toContain('No schema file changed since main');
    expect(text.stdout).toMatch(/version 3 of 3 \(commit \w{12}, [^)]+\) cannot read data of version 2 of 3/);
  });

  it('checks unchanged files too with --all', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/trades.avsc', record('Trade', [SYMBOL]));
    const result = await runCli(['check', '--all', '--format', 'json'], repo.dir);
    expect(result.code).toBe(0);
    expect(json(result.stdout)).toMatchObject({ mode: 'all', subjects: [{ file: 'schemas/ticks.avsc', status: 'compatible' }, { file: 'schemas/trades.avsc', status: 'new' }] });
  });

  it('resolves named types defined in other schema files, in the working tree and in history', async () => {
    const repo = repoWithTicks();
    const level = (fields: object[]) => record('Level', fields);
    const book = JSON.stringify({ type: 'record', name: 'Book', namespace: 'com.acme', fields: [{ name: 'bids', type: { type: 'array', items: 'com.acme.Level' } }] }, null, 2);
    repo.write('schemas/common/level.avsc', level([PRICE])).write('schemas/book.avsc', book).commit('book v1');
    repo.write('schemas/common/level.avsc', level([PRICE, { name: 'orders', type: 'int' }]));

    const result = await runCli(['check', '--format', 'json', '--against', 'HEAD'], repo.dir);

    expect(result.code).toBe(1);
    const report = json(result.stdout);
    expect(report.subjects.map((s) => [s.file, s.status, s.incompatibilities.map((i) => `${i.type}@${i.line}:${i.column}`)])).toEqual([
      ['schemas/common/level.avsc', 'incompatible', ['READER_FIELD_MISSING_DEFAULT_VALUE@7:5']],
    ]);
    const all = json((await runCli(['check', '--all', '--format', 'json', '--against', 'HEAD'], repo.dir)).stdout);
    // book.avsc is unchanged but reads its Level from the changed file, so it breaks too, at the Level line.
    expect(all.subjects.find((s) => s.file === 'schemas/book.avsc')?.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', file: 'schemas/common/level.avsc', line: 7, column: 5 }),
    ]);
  });
});

describe('guardrails check: bad input', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['invalid JSON', '{\n  "type": "record",\n  "name": "A" "fields": []\n}\n', /^ {2}error: schemas\/bad\.avsc:3:15: /m],
    ['invalid Avro', record('A', [SYMBOL, { name: 'symbol', type: 'int' }]), /^ {2}error: schemas\/bad\.avsc:7:\d+: .*symbol/m],
    ['10,000-deep nesting', `${'['.repeat(10_000)}"int"${']'.repeat(10_000)}`, /^ {2}error: schemas\/bad\.avsc:1:\d+: .*nesting/m],
    ['non-UTF-8 bytes', Buffer.from('{"type": "record", "name": "A", "doc": "caf\xe9", "fields": []}', 'latin1'), /^ {2}error: schemas\/bad\.avsc:1:\d+: invalid UTF-8/m],
    ['an unknown named type', record('A', [{ name: 'x', type: 'Strng' }]), /^ {2}error: schemas\/bad\.avsc:6:\d+: .*Strng/m],
    ['a missing reference', record('A', [{ name: 'm', type: 'com.acme.common.Money' }]), /^ {2}error: schemas\/bad\.avsc:6:\d+: .*com\.acme\.common\.Money/m],
  ];

  it.each(cases)('%s: exit 2, one line with file:line:column, no stack trace', async (_name, content, expected) => {
    const repo = repoWithTicks();
    repo.write('schemas/bad.avsc', content);
    const result = await runCli(['check'], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(expected);
    expect(result.stdout).toContain('✗ schemas/bad.avsc  BACKWARD  error');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.stderr).toBe('');
  });

  it('a 20 MB schema: exit 2, one line with file:line:column', async () => {
    const repo = repoWithTicks();
    const fields = Array.from({ length: 80_000 }, (_, i) => ({ name: `f${i}`, type: 'string', doc: 'x'.repeat(220) }));
    repo.write('schemas/bad.avsc', JSON.stringify({ type: 'record', name: 'Big', fields }));
    const result = await runCli(['check', '--format', 'json'], repo.dir);
    expect(result.code).toBe(2);
    const entry = json(result.stdout).subjects[0] as unknown as { error: { code: string; message: string; line: number; column: number } };
    expect(entry.error).toMatchObject({ code: 'TOO_LARGE', line: 1, column: 1 });
    expect(entry.error.message).toMatch(/^schemas\/bad\.avsc:1:1: the file is \d+ bytes, more than the 8388608-byte limit/);
  });

  it('reports every bad file, not only the first, and still checks the good ones', async () => {
    const repo = repoWithTicks();
    repo.write('schemas/a.avsc', '{').write('schemas/b.avsc', '[').write('schemas/ticks.avsc', record('Tick', [SYMBOL]));
    const report = json((await runCli(['check', '--format', 'json'], repo.dir)).stdout);
    expect(report.subjects.map((s) => [s.file, s.status])).toEqual([
      ['schemas/a.avsc', 'error'],
      ['schemas/b.avsc', 'error'],
      ['schemas/ticks.avsc', 'compatible'],
    ]);
  });

  it('skips a committed version that does not parse, with a warning', async () => {
    const repo = repoWithTicks();
    repo.git('checkout', '-q', 'main');
    repo.write('schemas/ticks.avsc', '{ broken').commit('broken');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE])).commit('fixed');
    repo.git('checkout', '-q', 'feature');
    repo.git('merge', '-q', 'main');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE, { name: 'v', type: 'int', default: 0 }]));
    const result = await runCli(['check', '--format', 'json'], repo.dir);
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout).subjects[0] as { history: unknown[]; warnings: string[] };
    expect(entry.history).toHaveLength(2);
    expect(entry.warnings).toEqual([expect.stringMatching(/^the version of schemas\/ticks\.avsc from commit \w{12} \([^)]+\) does not parse and was skipped: schemas\/ticks\.avsc:1:3: /)]);
  });

  it('a schema file that is a symbolic link: exit 2, not followed', async () => {
    const repo = repoWithTicks();
    symlinkSync('/etc/hostname', join(repo.dir, 'schemas', 'link.avsc'));
    const result = await runCli(['check', '--format', 'json'], repo.dir);
    expect(result.code).toBe(2);
    const entry = JSON.parse(result.stdout).subjects[0] as { file: string; error: { code: string; message: string } };
    expect(entry).toMatchObject({ file: 'schemas/link.avsc', error: { code: 'READ_ERROR', message: 'schemas/link.avsc is a symbolic link; schema files must be regular files' } });
    repo.commit('commit the link');
    const audit = JSON.parse((await runCli(['check', '--format', 'json', '--against', 'HEAD'], repo.dir)).stdout) as { mode: string; subjects: { file: string; status: string }[] };
    expect(audit.mode).toBe('audit');
    expect(audit.subjects.map((s) => [s.file, s.status])).toEqual([
      ['schemas/link.avsc', 'error'],
      ['schemas/ticks.avsc', 'compatible'],
    ]);
  });

  it('a config error: exit 2, stderr names guardrails.yaml:line:column', async () => {
    const repo = repoWithTicks();
    repo.write('guardrails.yaml', 'version: 1\nsubjects:\n  - files: x\n    topic: t\n    compatibility: SOMETIMES\n');
    const result = await runCli(['check'], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: guardrails\.yaml:5:20: subjects\[0\]\.compatibility: got "SOMETIMES"; expected one of NONE, /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an unmapped file under TopicNameStrategy: exit 2 saying what to add', async () => {
    const repo = repoWithTicks();
    repo.write('guardrails.yaml', 'version: 1\n');
    repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL]));
    const result = await runCli(['check'], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('error: schemas/ticks.avsc: no entry under `subjects` in the config maps this file');
  });

  it('two files mapped to one subject: both are errors', async () => {
    const repo = repoWithTicks();
    repo.write('guardrails.yaml', 'version: 1\nsubjects:\n  - files: "schemas/*.avsc"\n    topic: one\n');
    repo.write('schemas/other.avsc', record('Other', [SYMBOL]));
    const report = json((await runCli(['check', '--all', '--format', 'json'], repo.dir)).stdout);
    expect(report.subjects.map((s) => [s.file, s.status])).toEqual([
      ['schemas/other.avsc', 'error'],
      ['schemas/ticks.avsc', 'error'],
    ]);
  });
});

describe('guardrails check: git state', () => {
  it('a missing --against ref: exit 2 naming it', async () => {
    const repo = repoWithTicks();
    const result = await runCli(['check', '--against', 'origin/develop'], repo.dir);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: git ref "origin/develop" does not exist; pass an existing branch, tag or commit with --against (fetch it first in CI)\n',
    });
  });

  it('a shallow clone: exit 2 with the fetch-depth fix', async () => {
    const repo = repoWithTicks();
    const dir = mkdtempSync(join(tmpdir(), 'guardrails-shallow-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    gitIn(dir, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${repo.dir}`, dir);
    const result = await runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the repository is a shallow clone.*`fetch-depth: 0`/);
  });

  it('outside a repository: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardrails-norepo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const result = await runCli(['check', '--cwd', dir], process.cwd());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${dir} is not inside a git work tree; run the command in a git checkout or pass --cwd <dir>\n`);
  });
});

describe('guardrails check fails closed when history cannot follow a subject', () => {
  const RECORD_CONFIG = ['version: 1', 'defaults:', '  strategy: RecordNameStrategy', ''].join('\n');

  it('a shared type moved to another file in the PR: the old versions are read with it at its old path (issue 18)', async () => {
    const repo = TempRepo.create();
    cleanups.push(() => repo.cleanup());
    const shared = '{"type":"record","name":"P","namespace":"x","fields":[{"name":"a","type":"int"}]}';
    repo.write('guardrails.yaml', RECORD_CONFIG).write('schemas/common/P.avsc', shared);
    repo.write('schemas/T.avsc', '{"type":"record","name":"T","namespace":"x","fields":[{"name":"p","type":"x.P"},{"name":"b","type":"int"}]}').commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('mv', 'schemas/common/P.avsc', 'schemas/P2.avsc');
    repo.write('schemas/T.avsc', '{"type":"record","name":"T","namespace":"x","fields":[{"name":"p","type":"x.P"},{"name":"b","type":"int"},{"name":"c","type":"string"}]}');

    const result = await runCli(['check', '--against', 'main', '--format', 'json'], repo.dir);

    const subjects = json(result.stdout).subjects.map((s) => [s.file, s.status, s.incompatibilities.map((i) => i.type)]);
    expect(subjects).toEqual([
      ['schemas/P2.avsc', 'compatible', []],
      ['schemas/T.avsc', 'incompatible', ['READER_FIELD_MISSING_DEFAULT_VALUE']],
    ]);
    expect(result.code).toBe(1);
  });

  it('a subject moved to a new file that git sees as delete plus add is an error, not a retirement and a new subject', async () => {
    const repo = TempRepo.create();
    cleanups.push(() => repo.cleanup());
    repo.write('guardrails.yaml', RECORD_CONFIG).write('schemas/A.avsc', '{"type":"record","name":"A","namespace":"n","fields":[{"name":"a","type":"int"}]}').commit('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.remove('schemas/A.avsc');
    repo.write('schemas/renamed.avsc', '{\n  "type": "record",\n  "name": "A",\n  "namespace": "n",\n  "fields": [{"name": "z", "type": "string"}]\n}\n');

    const result = await runCli(['check', '--against', 'main', '--format', 'json'], repo.dir);

    const statuses = json(result.stdout).subjects.map((s) => [s.file, s.status]);
    expect(statuses).toEqual([['schemas/A.avsc', 'deleted'], ['schemas/renamed.avsc', 'error']]);
    expect(result.code).toBe(2);
  });

  it('takes file names literally: a[1].avsc has its own history, not a1.avsc', async () => {
    const repo = TempRepo.create();
    cleanups.push(() => repo.cleanup());
    repo.write('guardrails.yaml', RECORD_CONFIG).write('schemas/a[1].avsc', record('A', [SYMBOL])).commit('a[1]');
    repo.write('schemas/a1.avsc', record('B', [SYMBOL])).commit('a1');

    const result = await runCli(['check', '--all', '--against', 'main', '--format', 'json'], repo.dir);

    const report = JSON.parse(result.stdout) as { subjects: { file: string; history: unknown[] }[] };
    expect(report.subjects.map((s) => [s.file, s.history.length])).toEqual([['schemas/a1.avsc', 1], ['schemas/a[1].avsc', 1]]);
  });
});
