/** What `guardrails drift` prints: text, or the versioned JSON document (docs/registry-gitops.md#drift). */
import { describeIssueOperation } from '../../registry/drift/issues.js';
import type { DriftResult } from '../../registry/drift/run.js';
import type { CliIo } from '../io.js';
import { writeJobJson } from './shared.js';

export function printDrift(result: DriftResult, exitCode: number, io: CliIo, format: 'text' | 'json'): void {
  for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
  for (const problem of result.issues?.outcome.problems ?? []) io.stderr.write(`error: ${problem}\n`);
  if (format === 'json') {
    writeJobJson(io, 'drift', exitCode, jsonBody(result));
    return;
  }
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const where = `${result.ref} (${result.commit.slice(0, 12)})`;
  if (result.findings.length === 0) out(`no drift: the registry matches ${where} for ${result.subjects} subject(s)`);
  else out(`${result.findings.length} drift(s) between the registry and ${where} (${result.subjects} subject(s) in git):`);
  for (const f of result.findings) {
    const version = f.version === null ? '' : ` version ${f.version}${f.id === null ? '' : ` (id ${f.id})`}`;
    out(`  ${f.kind}: ${f.subject}${version}${f.actual ? `: ${f.actual}` : ''}`);
    if (f.file) out(`    file: ${f.file}`);
    if (f.expected) out(`    expected: ${f.expected}`);
    out(`    do: ${f.action}`);
  }
  const issues = result.issues;
  if (!issues) return;
  const { created, updated, closed, notDone } = issues.outcome;
  for (const c of created) out(`opened issue #${c.number} ${c.url}`);
  out(`issues: ${created.length} opened, ${updated.length} updated, ${closed.length} closed`);
  if (notDone.length > 0) {
    out(`stopped by a signal; not done: ${notDone.length} issue change(s):`);
    for (const op of notDone) out(`  ${describeIssueOperation(op)}`);
    out('rerun to finish: the next run finds the existing issues by their key and will not duplicate them');
  }
}

function jsonBody(result: DriftResult): Record<string, unknown> {
  return {
    ref: result.ref,
    commit: result.commit,
    subjects: result.subjects,
    drift: result.findings.length > 0,
    findings: result.findings,
    warnings: result.warnings,
    stopped: result.stopped,
    issues: result.issues
      ? {
          created: result.issues.outcome.created,
          updated: result.issues.outcome.updated,
          closed: result.issues.outcome.closed,
          notDone: result.issues.outcome.notDone.map(describeIssueOperation),
          problems: result.issues.outcome.problems,
        }
      : null,
  };
}
