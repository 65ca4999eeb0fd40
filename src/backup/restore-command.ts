/**
 * `guardrails restore`: where the backup comes from (a directory, a commit of the backup branch,
 * S3), what to restore, then plan → (dry run: stop) → apply → verify. The backup is checked
 * against SHA256SUMS before the registry is even contacted.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRegistryClient, normalizeContext, RegistryError } from '../registry/index.js';
import { readBackupDir } from './backup-dir.js';
import { EXIT_CODES, intOption, oneOf, parseOptions, runGuarded, str, strs, UsageError, type CommandIo, type OptionValues } from './command-support.js';
import { downloadFromS3 } from './destinations/s3.js';
import { commitBefore, gitIn, readTree, tryResolve } from './git.js';
import { BackupError } from './errors.js';
import { restoreFromGitHistory } from './git-history.js';
import { parseBackup } from './parse-backup.js';
import { createProgress, progressStyle } from './progress.js';
import { registrySettingsFrom } from './registry-env.js';
import { renderOutcome, renderPlan } from './render-plan.js';
import { restoreSnapshot } from './restore.js';
import type { Selection } from './select.js';

export const RESTORE_HELP = `guardrails restore --from DIR | --from-git REF | --from s3://BUCKET/PREFIX/ [options]
guardrails restore --schemas-at REF [options]

Restores a backup into a registry with the same ids, versions, soft deletes, configs and modes.
SHA256SUMS is verified first; then a plan is printed (created / identical / conflicts). Nothing is
written while a conflict remains, and nothing at all with --dry-run. Subjects enter IMPORT mode
one by one and always get their previous mode back. Safe to run again: finished work is skipped.

Source (one):
  --from DIR              a backup directory (or s3://bucket/prefix/name/ for one uploaded to S3)
  --from-git REF          the backup committed at REF (e.g. schema-backups, a commit, a tag)
  --before DATE           with --from-git: the last commit on REF before DATE (e.g. 2026-11-20)
  --git-repo DIR          repository of --from-git / --schemas-at (default: current directory)
  --schemas-at REF        re-register the schema files of schemas/ as of REF (git history; see docs)
  --config PATH           with --schemas-at: path of the config at REF (default guardrails.yaml)
Target and selection:
  --registry-url URL      default: $GUARDRAILS_REGISTRY_URL; credentials from the environment, as for backup
  --subject NAME          restore this subject (repeatable; qualified names for contexts, :.ctx:name)
  --glob PATTERN          restore subjects matching PATTERN (* and ?; repeatable)
  --target-context CTX    restore the selected subjects into context CTX (e.g. .restored)
  --no-preserve-ids       register without ids and versions (registries that refuse IMPORT); ids will differ
  --dry-run               print the plan and stop
  --plan-out FILE         write the plan as JSON
  --all                   print every plan line (default: 50 per section)
  --concurrency N         requests in flight (1-64, default 8)
  --s3-region REGION, --s3-endpoint URL   for --from s3://…
  --progress MODE         auto | bar | lines | none
  -h, --help

A full restore (no --subject/--glob/--target-context) also restores global and context config and mode.
Exit codes: 0 restored and verified (or dry run without conflicts), 1 conflicts, failure or differences
after restore, 2 bad options or a backup that fails its checks, 3 bug.
`;

const OPTIONS = {
  from: { type: 'string' },
  'from-git': { type: 'string' },
  before: { type: 'string' },
  'git-repo': { type: 'string' },
  'schemas-at': { type: 'string' },
  config: { type: 'string' },
  'registry-url': { type: 'string' },
  subject: { type: 'string', multiple: true },
  glob: { type: 'string', multiple: true },
  'target-context': { type: 'string' },
  'no-preserve-ids': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'plan-out': { type: 'string' },
  all: { type: 'boolean' },
  concurrency: { type: 'string' },
  's3-region': { type: 'string' },
  's3-endpoint': { type: 'string' },
  progress: { type: 'string' },
} as const;

export async function runRestoreCommand(argv: string[], io: CommandIo): Promise<number> {
  return runGuarded('restore', io, async (out) => {
    const values = parseOptions(argv, OPTIONS);
    if (values['help']) {
      out.stdout(RESTORE_HELP);
      return EXIT_CODES.OK;
    }
    const s = readSettings(values, out);
    if (s.schemasAt) return restoreSchemasAt(s, s.schemasAt, out);
    return restoreFromBackup(s, out);
  });
}

async function restoreFromBackup(s: Settings, out: CommandIo): Promise<number> {
  const where = s.source.label;
  const { snapshot, manifest } = parseBackup(await loadSource(s, out), where);
  out.stderr(`backup ${where}: verified (${manifest.counts.files} files, ${manifest.counts.versions} versions of ${manifest.counts.subjects} subjects, taken ${manifest.finishedAt})\n`);
  const client = createRegistryClient(registrySettingsFrom({ url: s.url, concurrency: s.concurrency }, out.env));
  const progress = createProgress(progressStyle(s.progress, out.isTty ?? false, out.env), 'registering', out.stderr);
  try {
    const outcome = await restoreSnapshot(client, snapshot, s, {
      step: (title) => {
        progress.finish();
        out.stderr(`• ${title}\n`);
      },
      onProgress: (d, t) => progress.update(d, t),
      ...(out.signal ? { signal: out.signal } : {}),
      onPlan: async (plan) => {
        out.stdout(renderPlan(plan, { dryRun: s.dryRun, all: s.all }));
        if (s.planOut) await writeFile(s.planOut, `${JSON.stringify(plan, null, 2)}\n`);
      },
    });
    progress.finish();
    if (outcome.plan.conflicts.length > 0) {
      out.stderr(`guardrails restore: ${outcome.plan.conflicts.length} conflict(s); nothing was written. Resolve them (see the plan) or restore into another context with --target-context.\n`);
      return EXIT_CODES.FAILED;
    }
    if (!outcome.applied) return EXIT_CODES.OK;
    out.stdout(renderOutcome(outcome.applied, outcome.differences, outcome.warnings));
    return outcome.differences.length === 0 ? EXIT_CODES.OK : EXIT_CODES.FAILED;
  } finally {
    progress.finish();
    client.close();
  }
}

type Source =
  | { readonly kind: 'dir'; readonly path: string; readonly label: string }
  | { readonly kind: 's3'; readonly location: string; readonly label: string }
  | { readonly kind: 'git'; readonly repo: string; readonly ref: string; readonly before?: string; readonly label: string };

function readSettings(values: OptionValues, io: CommandIo) {
  const from = str(values, 'from');
  const fromGit = str(values, 'from-git');
  const schemasAt = str(values, 'schemas-at');
  const given = [from, fromGit, schemasAt].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError('give exactly one of --from, --from-git or --schemas-at');
  if (str(values, 'before') && !fromGit) throw new UsageError('--before needs --from-git');
  const repo = resolve(io.cwd, str(values, 'git-repo') ?? '.');
  const source: Source | undefined = from?.startsWith('s3://')
    ? { kind: 's3', location: from, label: from }
    : from
      ? { kind: 'dir', path: resolve(io.cwd, from), label: from }
      : fromGit
        ? { kind: 'git', repo, ref: fromGit, before: str(values, 'before'), label: `git ${fromGit}${str(values, 'before') ? ` before ${str(values, 'before')}` : ''}` }
        : undefined;
  const targetContext = str(values, 'target-context');
  const selection: Selection = {
    globs: strs(values, 'glob'),
    subjects: strs(values, 'subject'),
    ...(targetContext !== undefined ? { targetContext: context(targetContext) } : {}),
  };
  return {
    source: source ?? { kind: 'dir' as const, path: '', label: '' },
    schemasAt,
    repo,
    config: str(values, 'config'),
    url: str(values, 'registry-url'),
    selection,
    preserveIds: values['no-preserve-ids'] !== true,
    dryRun: values['dry-run'] === true,
    planOut: str(values, 'plan-out') ? resolve(io.cwd, str(values, 'plan-out') as string) : undefined,
    all: values['all'] === true,
    concurrency: intOption('concurrency', str(values, 'concurrency'), 1, 64) ?? 8,
    s3Region: str(values, 's3-region') ?? io.env['AWS_REGION'],
    s3Endpoint: str(values, 's3-endpoint'),
    progress: oneOf('progress', str(values, 'progress'), ['auto', 'bar', 'lines', 'none'] as const, 'auto'),
  };
}

type Settings = ReturnType<typeof readSettings>;

function context(text: string): string {
  try {
    return normalizeContext(text);
  } catch (error) {
    throw new UsageError(`--target-context: ${error instanceof RegistryError ? error.problem : String(error)}`);
  }
}

async function loadSource(s: Settings, io: CommandIo): Promise<Map<string, Buffer>> {
  const source = s.source;
  if (source.kind === 'dir') return readBackupDir(source.path);
  if (source.kind === 's3') return downloadFromS3(source.location, { region: s.s3Region, endpoint: s.s3Endpoint });
  const git = gitIn(source.repo, io.env);
  const commit = source.before ? await commitBefore(git, source.ref, source.before) : await tryResolve(git, source.ref);
  if (!commit) throw new BackupError('invalid-input', `'${source.ref}' is not a commit in '${source.repo}'`, 'Fetch the backup branch first (git fetch origin schema-backups:schema-backups)');
  io.stderr(`reading the backup from commit ${commit.slice(0, 12)}\n`);
  return readTree(git, commit);
}

async function restoreSchemasAt(s: Settings, ref: string, io: CommandIo): Promise<number> {
  const client = createRegistryClient(registrySettingsFrom({ url: s.url, concurrency: s.concurrency }, io.env));
  try {
    const result = await restoreFromGitHistory(client, gitIn(s.repo, io.env), {
      ref,
      ...(s.config !== undefined ? { configPath: s.config } : {}),
      selection: s.selection,
      dryRun: s.dryRun,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(result.report);
    return result.failed ? EXIT_CODES.FAILED : EXIT_CODES.OK;
  } finally {
    client.close();
  }
}
