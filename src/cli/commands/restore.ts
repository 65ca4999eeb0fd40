/** `guardrails restore`: a backup (or schemas/ at a git ref) into a registry, or only its subjects' modes back. */
import { writeFile } from 'node:fs/promises';
import { BackupError, createProgress, loadBackup, normalizeContext, progressStyle, resetModes, restore, restoreFromGitHistory, renderPlan, type LoadedBackup, type Selection } from '../../backup/index.js';
import { gitIn } from '../../backup/git.js';
import { RegistryError } from '../../registry/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { flag, option, repeatable } from '../options/define.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { openRegistry, progressOption, registryOptions, registrySettings } from './backup-registry.js';
import { defineCommand, type RunContext, type Values } from './command.js';
import { gitHistoryMetrics, resetModesMetrics, restoreMetrics } from './metrics-restore.js';
import { writeGitHistoryReport, writeResetReport, writeRestoreReport } from './restore-output.js';
import { backupSource, preflightSource, refineSource, sourceOptions } from './restore-source.js';
import { jobFormatOption, withJsonFailure } from './shared.js';

const SELECTION = 'Selection and output';

const contextValue: Parser<string> = (text) => {
  try {
    return normalizeContext(text);
  } catch (error) {
    throw new InvalidValue(`is not a context name: ${error instanceof RegistryError ? error.problem : String(error)}`, 'e.g. .restored');
  }
};

const options = {
  ...sourceOptions,
  ...registryOptions,
  subject: repeatable({ placeholder: 'NAME', description: 'Restore this subject (qualified for contexts, :.ctx:name)', parse: textValue(), group: SELECTION }),
  glob: repeatable({ placeholder: 'PATTERN', description: 'Restore subjects matching PATTERN (* and ?)', parse: textValue(), group: SELECTION }),
  'target-context': option({ placeholder: 'CTX', description: 'Restore the selected subjects into context CTX (e.g. .restored)', parse: contextValue, group: SELECTION }),
  'no-preserve-ids': flag('Register without ids and versions (registries that refuse IMPORT); ids will differ', { group: SELECTION }),
  'dry-run': flag('Print the plan and write nothing to the registry', { group: SELECTION }),
  'plan-out': option({ placeholder: 'FILE', description: 'Write the whole plan as JSON', parse: pathValue('writable-file'), group: SELECTION }),
  all: flag('Print every plan line (default: 50 per section)', { group: SELECTION }),
  progress: { ...progressOption, group: SELECTION },
  format: { ...jobFormatOption, description: 'text (default) or json: one versioned JSON document on stdout (docs/backup-restore.md)', group: SELECTION },
};

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'Restore a backup (or schemas/ at a git ref) into a registry',
  usage: [
    'restore --from DIR|s3://… | --from-git REF [--before INSTANT] [--subject NAME]... [--glob PATTERN]... [--dry-run] [--format text|json]',
    'restore --from DIR | --from-git REF --reset-modes [--dry-run]',
    'restore --schemas-at REF [--config PATH] [--dry-run]',
  ],
  description: `Restores a backup into a registry with the same ids, versions, soft deletes, configs and modes.
SHA256SUMS is verified first, before the registry is contacted; then a plan is printed (create /
identical / conflicts). Nothing is written while a conflict remains, and nothing at all with
--dry-run. Subjects enter IMPORT mode one by one and always get their previous mode back. Safe to
run again: finished work is skipped. A full restore (no --subject, --glob or --target-context)
also restores global and context config and mode.

On SIGINT or SIGTERM no new write starts, requests in flight settle, every subject is put back
out of IMPORT within seconds, and what was and was not registered is printed. --reset-modes only
puts back the subjects a killed run left in IMPORT.`,
  options,
  exits: {
    ok: 'restored and verified, modes reset, or a dry run without conflicts',
    failed: 'conflicts, a failed or stopped restore, or differences after it',
    unavailable: 'the Schema Registry (or S3) could not be reached',
  },
  notes: 'A backup that fails its checks is bad input (2), as are refused registry credentials. Also a job: node jobs/restore-schemas.ts.',
  refine(values) {
    refineSource(values);
    const usage = (message: string) => {
      throw new UsageError(message, 'restore');
    };
    if (values['schemas-at'] !== undefined) {
      for (const name of ['target-context', 'plan-out'] as const) if (values[name] !== undefined) usage(`--${name} does not go with --schemas-at`);
      if (values['no-preserve-ids']) usage('--no-preserve-ids does not go with --schemas-at (it never keeps ids)');
    }
    if (values['reset-modes']) {
      if (values['plan-out'] !== undefined) usage('--plan-out does not go with --reset-modes (it plans no restore)');
      if (values['no-preserve-ids']) usage('--no-preserve-ids does not go with --reset-modes (without ids nothing enters IMPORT)');
    }
  },
  async preflight(values, { io }) {
    registrySettings(values, io.env);
    await preflightSource(backupSource(values, io.cwd, io.env), io.env);
  },
  async run(values, context) {
    return withJsonFailure(context.io, values.format, 'restore', () => runRestore(values, context));
  },
});

type RestoreValues = Values<typeof options>;

async function runRestore(values: RestoreValues, { io, signal, recordMetrics }: RunContext): Promise<number> {
  const selection: Selection = {
    globs: values.glob,
    subjects: values.subject,
    ...(values['target-context'] !== undefined ? { targetContext: values['target-context'] } : {}),
  };
  const { client, openCleanupClient } = openRegistry(registrySettings(values, io.env), signal);
  try {
    const source = backupSource(values, io.cwd, io.env);
    if (source === undefined) {
      const result = await restoreFromGitHistory(client, gitIn(values['git-repo'] ?? io.cwd, io.env as NodeJS.ProcessEnv), {
        ref: values['schemas-at'] ?? 'HEAD',
        ...(values.config !== undefined ? { configPath: values.config } : {}),
        selection,
        dryRun: values['dry-run'],
        signal,
      });
      recordMetrics?.(gitHistoryMetrics(result));
      return writeGitHistoryReport(io, values.format, result);
    }
    const backup = await loadBackup(source, io.env as NodeJS.ProcessEnv);
    const m = backup.manifest;
    io.stderr.write(`backup ${backup.label}: verified (${m.counts.files} files, ${m.counts.versions} versions of ${m.counts.subjects} subjects, taken ${m.finishedAt})\n`);
    if (values['reset-modes']) {
      const result = await resetModes({ backup: backup.snapshot, selection, dryRun: values['dry-run'], concurrency: values.concurrency }, { client, signal });
      recordMetrics?.(resetModesMetrics(result, values['dry-run']));
      return writeResetReport(io, values.format, backup, result, values['dry-run']);
    }
    return await restoreBackup(values, io, signal, backup, selection, { client, openCleanupClient }, recordMetrics);
  } catch (error) {
    // Writes end in a result that says what was done; a request cut here was a read before them.
    if (signal.aborted && error instanceof RegistryError && error.kind === 'cancelled') {
      throw new BackupError('stopped', 'the restore was stopped by a signal while reading, before any write; nothing was written', 'Run it again');
    }
    throw error;
  } finally {
    client.close();
  }
}

async function restoreBackup(
  values: RestoreValues,
  io: CliIo,
  signal: AbortSignal,
  backup: LoadedBackup,
  selection: Selection,
  registry: ReturnType<typeof openRegistry>,
  recordMetrics: RunContext['recordMetrics'],
): Promise<number> {
  const progress = createProgress(progressStyle(values.progress, io.stderr.isTTY ?? false, io.env), 'registering', (t) => io.stderr.write(t));
  try {
    const outcome = await restore(
      { backup: backup.snapshot, selection, preserveIds: !values['no-preserve-ids'], dryRun: values['dry-run'] },
      {
        client: registry.client,
        openCleanupClient: registry.openCleanupClient,
        signal,
        concurrency: values.concurrency,
        step: (title) => {
          progress.finish();
          io.stderr.write(`• ${title}\n`);
        },
        onProgress: (done, total) => progress.update(done, total),
        onPlan: async (plan) => {
          if (values.format === 'text') io.stdout.write(renderPlan(plan, { dryRun: values['dry-run'], all: values.all }));
          if (values['plan-out'] !== undefined) await writeFile(values['plan-out'], `${JSON.stringify(plan, null, 2)}\n`);
        },
      },
    );
    progress.finish();
    recordMetrics?.(restoreMetrics(outcome));
    return writeRestoreReport(io, values.format, backup, outcome, values['dry-run']);
  } finally {
    progress.finish();
  }
}
