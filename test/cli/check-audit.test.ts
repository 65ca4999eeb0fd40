import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { openRepository } from '../../src/github/git/repository.js';
import { runCheck, type HistoryObserver } from '../../src/policy/check/run-check.js';
import { renderJson, toJson } from '../../src/policy/report/json.js';
import { renderText } from '../../src/policy/report/text.js';
import { TempRepo } from '../github/support/temp-repo.js';
import { CONFIG, PRICE, SYMBOL, record } from './schemas.js';
import { runCli } from './support.js';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

/**
 * Five subjects with histories of 1, 2, 2, 4 and 1 versions on main: a break in ticks' history, a
 * renamed file, and a book whose Level type lives in a file of its own.
 */
function auditedRepo(): TempRepo {
  const repo = TempRepo.create();
  repos.push(repo);
  const level = (fields: object[]) => record('Level', fields);
  const book = JSON.stringify({ type: 'record', name: 'Book', namespace: 'com.acme', fields: [{ name: 'bids', type: { type: 'array', items: 'com.acme.Level' } }] }, null, 2);
  repo.write('guardrails.yaml', CONFIG).write('schemas/ticks.avsc', record('Tick', [SYMBOL, PRICE])).write('schemas/old-quote.avsc', record('Quote', [SYMBOL])).commit('v1');
  repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL])).write('schemas/common/level.avsc', level([PRICE])).write('schemas/book.avsc', book).commit('v2');
  repo.git('mv', 'schemas/old-quote.avsc', 'schemas/quote.avsc');
  repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, { name: 'venue', type: 'string' }])).commit('v3: ticks breaks, quote moves');
  repo.write('schemas/ticks.avsc', record('Tick', [SYMBOL, { name: 'venue', type: 'string' }, { name: 'size', type: 'long', default: 0 }]));
  repo.write('schemas/quote.avsc', record('Quote', [SYMBOL, { name: 'bid', type: 'double', default: 0 }])).write('schemas/common/level.avsc', level([PRICE, { name: 'orders', type: 'int', default: 0 }])).commit('v4');
  repo.write('schemas/trades.avsc', record('Trade', [SYMBOL])).commit('trades');
  return repo;
}

describe('the streaming audit', () => {
  it('holds the parsed versions of one subject at a time, each released before the next is loaded', async () => {
    const repo = auditedRepo();
    const events: string[] = [];
    let alive = 0;
    let mostAlive = 0;
    const observer: HistoryObserver = {
      loaded(file, versions) {
        events.push(`+${file}:${versions}`);
        alive += versions;
        mostAlive = Math.max(mostAlive, alive);
      },
      released(file) {
        events.push(`-${file}`);
        alive = 0;
      },
    };

    const report = await runCheck({ cwd: repo.dir, openRepository, historyObserver: observer });

    expect(report.mode).toBe('audit');
    const sizes = report.subjects.map((s) => s.history.length);
    expect(sizes).toEqual([1, 2, 2, 4, 1]);
    expect(events).toEqual(report.subjects.flatMap((s) => [`+${s.file}:${s.history.length}`, `-${s.file}`]));
    expect(mostAlive).toBe(Math.max(...sizes));
  });

  it('reports what the whole history holds: the break at its version, the rename, the referenced type', async () => {
    const repo = auditedRepo();

    const report = await runCheck({ cwd: repo.dir, openRepository });

    expect(report.ok).toBe(false);
    expect(report.subjects.map((s) => [s.file, s.status, s.history.map((v) => v.file)])).toEqual([
      ['schemas/book.avsc', 'compatible', ['schemas/book.avsc']],
      ['schemas/common/level.avsc', 'compatible', ['schemas/common/level.avsc', 'schemas/common/level.avsc']],
      ['schemas/quote.avsc', 'compatible', ['schemas/old-quote.avsc', 'schemas/quote.avsc']],
      ['schemas/ticks.avsc', 'incompatible', ['schemas/ticks.avsc', 'schemas/ticks.avsc', 'schemas/ticks.avsc', 'schemas/ticks.avsc']],
      ['schemas/trades.avsc', 'compatible', ['schemas/trades.avsc']],
    ]);
    const ticks = report.subjects.find((s) => s.file === 'schemas/ticks.avsc');
    expect(ticks?.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', line: 7, column: 5, version: 1, candidateVersion: 2, commit: ticks?.history[2]?.commit }),
    ]);
  });

  it('prints, in pieces, the same text and JSON documents the renderers make of the report', async () => {
    const repo = auditedRepo();
    const report = await runCheck({ cwd: repo.dir, openRepository });

    const json = await runCli(['check', '--format', 'json'], repo.dir);
    const text = await runCli(['check'], repo.dir);

    expect(json.code).toBe(1);
    expect(json.stdout).toBe(`${JSON.stringify(toJson(report), null, 2)}\n`);
    expect(json.stdout).toBe(renderJson(report));
    expect(text.stdout).toBe(renderText(report));
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('1 incompatible, 4 compatible: FAILED');
  });

  it('waits for a stream that refused a piece to drain before writing the next', async () => {
    const repo = auditedRepo();
    const stream = new EventEmitter();
    const pieces: string[] = [];
    let waiting = false;
    let writtenWhileWaiting = 0;
    const stdout = Object.assign(stream, {
      write(text: string) {
        if (waiting) writtenWhileWaiting++;
        pieces.push(text);
        waiting = true;
        setImmediate(() => {
          waiting = false;
          stream.emit('drain');
        });
        return false;
      },
    });

    const code = await run(['check', '--format', 'json'], { cwd: repo.dir, env: {}, stdout, stderr: { write: () => true } });

    expect(code).toBe(1);
    expect(writtenWhileWaiting).toBe(0);
    expect(pieces).toHaveLength(5 + 2);
    expect(pieces.join('')).toBe((await runCli(['check', '--format', 'json'], repo.dir)).stdout);
  });

  it('stops when the signal is aborted: no further subject is read, the run fails with kind stopped', async () => {
    const repo = auditedRepo();
    const controller = new AbortController();
    const loaded: string[] = [];
    const observer: HistoryObserver = {
      loaded: (file) => {
        loaded.push(file);
        controller.abort(new Error('stopped by SIGINT'));
      },
      released: () => undefined,
    };

    await expect(runCheck({ cwd: repo.dir, openRepository, signal: controller.signal, historyObserver: observer })).rejects.toMatchObject({ name: 'GitError', kind: 'stopped' });
    expect(loaded).toEqual(['schemas/book.avsc']);
  });
});
