/**
 * What `guardrails restore` prints: the plan and the outcome as text, or one versioned JSON
 * document with the plan's summary and the outcome (docs/backup-restore.md). The whole plan goes
 * to --plan-out.
 */
import { renderGitHistory, renderOutcome, type GitHistoryResult, type LoadedBackup, type ResetModesResult, type RestoreOutcome, type RestorePlan } from '../../backup/index.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { writeJobJson } from './shared.js';

type Format = 'text' | 'json';

export function restoreStatus(outcome: RestoreOutcome, dryRun: boolean): 'dry-run' | 'conflicts' | 'stopped' | 'differences' | 'restored' {
  if (outcome.plan.conflicts.length > 0) return 'conflicts';
  if (!outcome.applied) return dryRun ? 'dry-run' : 'restored';
  if (outcome.applied.stopped || !outcome.verified) return 'stopped';
  return outcome.differences.length > 0 ? 'differences' : 'restored';
}

export function writeRestoreReport(io: CliIo, format: Format, backup: LoadedBackup, outcome: RestoreOutcome, dryRun: boolean): number {
  const status = restoreStatus(outcome, dryRun);
  const exitCode = status === 'dry-run' || status === 'restored' ? EXIT.OK : EXIT.FAILED;
  if (format === 'json') {
    return writeJobJson(io, 'restore', exitCode, { status, dryRun, source: sourceJson(backup), plan: planSummary(outcome.plan), outcome: outcomeJson(outcome) });
  }
  if (status === 'conflicts') {
    io.stderr.write(`error: ${outcome.plan.conflicts.length} conflict(s); nothing was written. Resolve them (see the plan) or restore into another context with --target-context\n`);
    return exitCode;
  }
  const applied = outcome.applied;
  if (!applied) return exitCode;
  if (applied.stopped) {
    io.stdout.write(stoppedText(applied));
    const left = applied.modes.left.length;
    io.stderr.write(`error: stopped by a signal: ${applied.registered} version(s) registered, ${applied.notRegistered.length} not; ${left === 0 ? 'every subject is out of IMPORT' : `${left} subject(s) may still be in IMPORT: run guardrails restore --reset-modes with the same backup`}\n`);
    return exitCode;
  }
  if (!outcome.verified) {
    io.stderr.write('error: stopped by a signal after the last write, before the verification; run the same command with --dry-run to check the target\n');
    return exitCode;
  }
  io.stdout.write(renderOutcome(applied, outcome.differences, outcome.warnings));
  return exitCode;
}

function stoppedText(applied: NonNullable<RestoreOutcome['applied']>): string {
  const lines = [
    `Stopped: ${applied.registered} version(s) registered, ${applied.notRegistered.length} not registered, ${applied.softDeleted} soft delete(s); configs and modes not applied.`,
    `Modes: ${applied.modes.reset.length} subject(s) put back from IMPORT${applied.modes.left.length ? `; still possibly in IMPORT: ${applied.modes.left.map((l) => l.subject).join(', ')}` : ''}.`,
    'Run the same command again to finish: it resumes where it stopped.',
  ];
  return `${lines.join('\n')}\n`;
}

function sourceJson(backup: LoadedBackup): Record<string, unknown> {
  return { label: backup.label, takenAt: backup.manifest.finishedAt, counts: backup.manifest.counts };
}

function planSummary(plan: RestorePlan): Record<string, unknown> {
  return {
    formatVersion: plan.formatVersion,
    preserveIds: plan.preserveIds,
    create: plan.register.length,
    createSubjects: new Set(plan.register.map((r) => r.record.subject)).size,
    identical: plan.skip.length,
    conflicts: plan.conflicts,
    softDeletes: plan.softDeletes.length,
    imports: plan.imports.length,
    forcedImports: plan.imports.filter((i) => i.force).length,
    leftInImport: plan.imports.filter((i) => i.leftInImport).map((i) => i.subject),
    settings: plan.settings.length,
  };
}

function outcomeJson(outcome: RestoreOutcome): Record<string, unknown> | null {
  const a = outcome.applied;
  if (!a) return null;
  return {
    stopped: a.stopped,
    verified: outcome.verified,
    registered: a.registered,
    notRegistered: a.notRegistered,
    softDeleted: a.softDeleted,
    settingsChanged: a.settingsChanged,
    modesReset: a.modes.reset.length,
    leftInImport: a.modes.left,
    differences: outcome.differences,
    warnings: outcome.warnings,
  };
}

export function writeResetReport(io: CliIo, format: Format, backup: LoadedBackup, result: ResetModesResult, dryRun: boolean): number {
  const exitCode = result.failed.length > 0 || result.stopped ? EXIT.FAILED : EXIT.OK;
  if (format === 'json') {
    const status = result.stopped ? 'stopped' : result.failed.length > 0 ? 'failed' : dryRun ? 'dry-run' : 'reset';
    return writeJobJson(io, 'restore', exitCode, { status, mode: 'reset-modes', dryRun, source: sourceJson(backup), ...result });
  }
  const verb = dryRun ? 'would be put back' : 'put back';
  const lines = [
    `Checked the mode of ${result.checked} subject(s) of the backup${dryRun ? ' (dry run: nothing will be written)' : ''}: ${result.reset.length} in IMPORT ${verb}.`,
    ...result.reset.map((r) => `  ~ ${r.subject} → ${r.to}`),
    ...result.failed.map((f) => `  ! ${f.subject}: ${f.reason}`),
    ...(result.notDone.length ? [`Not done (stopped): ${result.notDone.join(', ')}`] : []),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  if (exitCode !== EXIT.OK) io.stderr.write(`error: ${result.stopped ? 'stopped by a signal' : `${result.failed.length} subject(s) could not be read or reset`}; run guardrails restore --reset-modes again\n`);
  return exitCode;
}

export function writeGitHistoryReport(io: CliIo, format: Format, result: GitHistoryResult): number {
  const exitCode = result.failed ? EXIT.FAILED : EXIT.OK;
  if (format === 'json') return writeJobJson(io, 'restore', exitCode, { status: result.failed ? 'failed' : result.dryRun ? 'dry-run' : 'restored', mode: 'schemas-at', ...result });
  io.stdout.write(renderGitHistory(result));
  return exitCode;
}
