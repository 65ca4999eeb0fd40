/** What `guardrails register` prints: the plan or what was done (text), or one JSON document (docs/registry-gitops.md). */
import type { RegisterEntry, RegisterResult } from '../../registry/register/model.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { writeJobJson } from './shared.js';

const MARK: Record<RegisterEntry['action'], string> = {
  unchanged: '=',
  registered: '+',
  planned: '+',
  'registered-break': '!',
  'planned-break': '!',
  refused: 'x',
  'not-latest': '~',
  failed: 'x',
  skipped: '-',
};

export function writeRegisterReport(io: CliIo, format: 'text' | 'json', result: RegisterResult, proofNote?: string): number {
  const exitCode = result.failed ? EXIT.FAILED : EXIT.OK;
  if (format === 'json') {
    return writeJobJson(io, 'register', exitCode, {
      status: result.stopped ? 'stopped' : result.failed ? 'failed' : 'complete',
      commit: result.commit,
      dryRun: result.dryRun,
      counts: counts(result.entries),
      entries: result.entries,
      audit: result.audit,
      ...(proofNote !== undefined ? { proof: proofNote } : {}),
    });
  }
  io.stdout.write(renderRegister(result, proofNote));
  if (result.stopped) io.stderr.write('error: stopped by a signal; the files marked - were not registered: run register again\n');
  return exitCode;
}

export function renderRegister(result: RegisterResult, proofNote?: string): string {
  const lines = [`Schema files at ${result.commit.slice(0, 12)}${result.dryRun ? ' (dry run: nothing written)' : ''}:`];
  for (const e of result.entries) {
    const at = `${MARK[e.action]} ${e.subject} (${e.file})`;
    const level = e.levelSet ? `; level ${e.levelSet.from ?? 'unset'} -> ${e.levelSet.to}${result.dryRun ? ' (planned)' : ''}` : '';
    lines.push(`  ${at}: ${describe(e)}${level}`);
    for (const m of e.messages) lines.push(`      ${m}`);
  }
  for (const a of result.audit) {
    lines.push(`audit: ${a.subject} v${a.version ?? '?'} id ${a.id ?? '?'} via ${a.via}: PR #${a.pr} (${a.headSha.slice(0, 12)}, check run ${a.checkRunId}), approved by ${a.approvers.join(', ') || 'nobody'}${a.overriddenBy ? `, override by ${a.overriddenBy}` : ''}, matured: ${a.matured.join(', ') || 'none'}`);
  }
  if (proofNote !== undefined) lines.push(`proof: ${proofNote}`);
  const c = counts(result.entries);
  lines.push(`${c.unchanged} unchanged, ${c.registered} ${result.dryRun ? 'to register' : 'registered'}, ${c.breaks} allowed break(s), ${c.problems} problem(s)`);
  return `${lines.join('\n')}\n`;
}

function describe(e: RegisterEntry): string {
  const at = e.version !== undefined ? `v${e.version}, id ${e.id ?? '?'}` : '';
  switch (e.action) {
    case 'unchanged':
      return `already the latest (${at})`;
    case 'registered':
      return `registered as ${at}`;
    case 'planned':
      return 'would be registered';
    case 'registered-break':
      return `allowed break registered as ${at} ${e.via?.kind === 'compatibility-group' ? `(${e.via.property} ${e.via.from ?? 'unset'} -> ${e.via.to})` : '(temporary level NONE, restored)'}`;
    case 'planned-break':
      return 'allowed break, would be registered';
    case 'refused':
      return 'refused: incompatible, and the merged PR did not allow it';
    case 'not-latest':
      return `equal to an older version (${at})`;
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
  }
}

function counts(entries: readonly RegisterEntry[]): { unchanged: number; registered: number; breaks: number; problems: number } {
  const n = (pred: (e: RegisterEntry) => boolean) => entries.filter(pred).length;
  return {
    unchanged: n((e) => e.action === 'unchanged'),
    registered: n((e) => e.action === 'registered' || e.action === 'planned'),
    breaks: n((e) => e.action === 'registered-break' || e.action === 'planned-break'),
    problems: n((e) => ['refused', 'not-latest', 'failed', 'skipped'].includes(e.action)),
  };
}
