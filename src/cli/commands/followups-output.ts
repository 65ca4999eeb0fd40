/**
 * What `guardrails followups` prints and writes: text or the versioned JSON document on stdout,
 * the same document in --json FILE, the Markdown summary appended to --summary FILE. Rendering
 * only: the result comes typed from the domain (src/postmortem/sync.ts).
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { formatProblem, type ParseProblem } from '../../postmortem/model.js';
import { renderSummary } from '../../postmortem/report/summary.js';
import type { SyncResult } from '../../postmortem/sync.js';
import { describeOperation } from '../../postmortem/sync/describe.js';
import type { Operation } from '../../postmortem/sync/plan-types.js';
import type { CliIo } from '../io.js';
import { writeJobJson } from './shared.js';

export interface RunFacts {
  readonly repo: string | null;
  readonly reportsFolder: string;
  readonly reportCount: number;
}

/** Unreadable items, as `file:line: message`; in Actions also as `::error` annotations (on stderr when stdout carries JSON). */
export function printProblems(problems: readonly ParseProblem[], io: CliIo, options: { annotations: boolean; json: boolean }): void {
  for (const p of problems) {
    io.stderr.write(`${formatProblem(p)}\n`);
    if (options.annotations) (options.json ? io.stderr : io.stdout).write(`::error file=${p.file},line=${p.line},title=${p.code}::${p.message.replace(/[\r\n%]/g, ' ')}\n`);
  }
}

export function printResult(result: SyncResult, exitCode: number, facts: RunFacts, io: CliIo, format: 'text' | 'json'): void {
  if (format === 'json') {
    writeJobJson(io, 'followups', exitCode, jsonBody(result, facts));
    return;
  }
  for (const w of result.applied?.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
  for (const d of result.plan.drift) io.stderr.write(`warning: issue #${d.issue}: ${d.reason}\n`);
  const out = (line: string) => io.stdout.write(`${line}\n`);
  if (result.report.dryRun) {
    for (const op of result.plan.operations) out(describeOperation(op));
    out(`dry run: ${result.plan.operations.length} change(s) planned for ${facts.reportCount} report(s); nothing written`);
    return;
  }
  if (!result.stopped) {
    out(`synced: ${doneCounts(result)}`);
    return;
  }
  out(`stopped by a signal: done ${doneCounts(result)}; not done: ${result.notDone.length} planned change(s):`);
  for (const op of result.notDone) out(`  ${describeOperation(op)}`);
  out('rerun to finish: the next run lists the existing issues first and will not duplicate them');
}

/** Writes --json FILE (the same document as --format json) and appends the summary to --summary FILE. */
export async function writeReportFiles(result: SyncResult, exitCode: number, facts: RunFacts, files: { json: string | undefined; summary: string | undefined }): Promise<void> {
  if (files.json !== undefined) {
    let text = '';
    writeJobJson({ cwd: '', env: {}, stdout: { write: (t: string) => (text += t) }, stderr: { write: () => true } }, 'followups', exitCode, jsonBody(result, facts));
    await writeFile(files.json, text);
  }
  if (files.summary !== undefined) await appendFile(files.summary, renderSummary(result.report));
}

function doneCounts(result: SyncResult): string {
  const a = result.applied;
  if (!a) return '0 created, 0 updated, 0 closed, 0 commented, 0 report(s) written back';
  return `${a.created.length} created, ${a.updated.length} updated, ${a.closed.length} closed, ${a.commented.length} commented, ${a.writeback.files.length} report(s) written back`;
}

/** The fields after `reportVersion`, `command` and `exitCode` (docs/postmortem-followups.md#report). */
function jsonBody(result: SyncResult, facts: RunFacts): Record<string, unknown> {
  const { report, applied } = result;
  return {
    generatedAt: report.generatedAt,
    dryRun: report.dryRun,
    stopped: result.stopped,
    repo: facts.repo,
    reports: { folder: facts.reportsFolder, count: facts.reportCount },
    planned: report.operations,
    operations: result.plan.operations.map(brief),
    done: applied
      ? {
          created: applied.created.map(({ number, url, recovered }) => ({ number, url, recovered })),
          updated: applied.updated,
          closed: applied.closed,
          commented: applied.commented,
          writtenBack: applied.writeback.files,
          pullRequest: applied.writeback.pullRequest ?? null,
        }
      : null,
    notDone: result.notDone.map(brief),
    warnings: applied?.warnings ?? [],
    metrics: report.metrics,
    problems: report.problems,
    drift: report.drift,
  };
}

function brief(op: Operation): { kind: Operation['kind']; issue: number | null; description: string } {
  return { kind: op.kind, issue: typeof op.issue === 'number' ? op.issue : null, description: describeOperation(op) };
}
