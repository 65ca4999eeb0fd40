/** `guardrails backup`: every subject, version, config and mode of a registry, to a directory, git and S3. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backup, BackupError, createProgress, defaultBackupName, progressStyle } from '../../backup/index.js';
import { UsageError } from '../errors.js';
import { flag, option, required } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { displayUrl, urlValue } from '../options/url.js';
import { packageVersion } from '../version.js';
import { preflightGit } from './backup-git.js';
import { writeBackupReport, writeBackupStopped } from './backup-output.js';
import { openRegistry, progressOption, registryOptions, registrySettings } from './backup-registry.js';
import { defineCommand } from './command.js';
import { backupMetrics } from './metrics-backup.js';
import { jobFormatOption, withJsonFailure } from './shared.js';

const OUTPUT = 'Output';
const GIT = 'Git destination';
const S3 = 'S3 destination';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'Back up every registry subject, version, config and mode',
  usage: ['backup --out DIR [--name NAME] [--registry-url URL] [--git-branch BRANCH [--push REMOTE]] [--s3-bucket BUCKET] [--format text|json]'],
  description: `Saves every subject of every context of a Schema Registry (soft-deleted ones too), with ids,
versions, references, metadata, rule sets, configs and modes, to DIR/NAME/ with a MANIFEST.json and a
SHA256SUMS. Written under a temporary name and renamed when complete; then committed to a git
branch, uploaded to S3 and pruned, as asked (docs/backup-restore.md).

On SIGINT or SIGTERM no new request starts; a backup not yet complete is removed and nothing is
published.`,
  options: {
    ...registryOptions,
    listing: option({
      placeholder: 'MODE',
      description: 'auto (default: bulk GET /schemas, else subject by subject), bulk or walk',
      parse: enumValue(['auto', 'bulk', 'walk'] as const),
      fallback: 'auto' as 'auto' | 'bulk' | 'walk',
      group: 'Schema Registry',
    }),
    'no-deleted': flag('Leave out soft-deleted subjects and versions', { group: 'Schema Registry' }),
    out: required({ placeholder: 'DIR', description: 'Parent directory of the backup (created if missing)', parse: pathValue('writable-dir'), group: OUTPUT }),
    name: option({
      placeholder: 'NAME',
      description: 'Backup directory name (default backup-<UTC time>, e.g. backup-20261126T020000Z)',
      parse: textValue(NAME, 'letters, digits, ".", "_" or "-", not starting with "." or "-"'),
      group: OUTPUT,
    }),
    keep: option({ placeholder: 'N', description: 'Retention: keep the newest N default-named backups in DIR, 1-100000', parse: intValue(1, 100_000), group: OUTPUT }),
    'keep-days': option({ placeholder: 'N', description: 'Retention: keep default-named backups younger than N days (with --keep: either keeps)', parse: intValue(1, 100_000), group: OUTPUT }),
    progress: { ...progressOption, group: OUTPUT },
    format: { ...jobFormatOption, description: 'text (default) or json: one versioned JSON document on stdout (docs/backup-restore.md)', group: OUTPUT },
    'git-branch': option({ placeholder: 'BRANCH', description: 'Also commit the backup as the whole tree of BRANCH (created if missing)', parse: textValue(), group: GIT }),
    'git-repo': option({ placeholder: 'DIR', description: 'The repository of --git-branch (default: the current directory)', parse: pathValue('dir'), group: GIT }),
    push: option({ placeholder: 'REMOTE', description: 'Push BRANCH to REMOTE after committing (e.g. origin)', parse: textValue(), group: GIT }),
    's3-bucket': option({
      placeholder: 'BUCKET',
      description: 'Also upload to s3://BUCKET/PREFIX/NAME/ (AWS credentials from the default chain)',
      parse: textValue(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lower-case letters, digits, "." or "-")'),
      group: S3,
    }),
    's3-prefix': option({ placeholder: 'PREFIX', description: 'Key prefix (default registry-backups/)', parse: textValue(), group: S3 }),
    's3-region': option({ placeholder: 'REGION', description: 'Default $AWS_REGION, else us-east-1', parse: textValue(/^[a-z0-9-]+$/, 'a region such as eu-west-1'), group: S3 }),
    's3-endpoint': option({ placeholder: 'URL', description: 'An S3-compatible endpoint (path-style)', parse: urlValue({ credentialsFrom: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' }), display: displayUrl, group: S3 }),
  },
  exits: {
    ok: 'the backup is complete and every destination took it',
    failed: 'the backup failed or was stopped (nothing published under the final name), or a destination refused it',
    unavailable: 'the Schema Registry could not be reached',
  },
  notes: 'Refused registry credentials are bad input (2). Also a job: node jobs/backup-schemas.ts with the same options.',
  refine(values) {
    if (values.push !== undefined && values['git-branch'] === undefined) throw new UsageError('--push needs --git-branch', 'backup');
    if (values['git-repo'] !== undefined && values['git-branch'] === undefined) throw new UsageError('--git-repo needs --git-branch', 'backup');
    for (const name of ['s3-prefix', 's3-region', 's3-endpoint'] as const) {
      if (values[name] !== undefined && values['s3-bucket'] === undefined) throw new UsageError(`--${name} needs --s3-bucket`, 'backup');
    }
  },
  async preflight(values, { io, now }) {
    registrySettings(values, io.env);
    const name = values.name ?? defaultBackupName(now());
    const final = join(values.out, name);
    if (await exists(final)) {
      throw new UsageError(`${final} already exists; choose another --name, or remove it first`, 'backup');
    }
    if (values['git-branch'] !== undefined) await preflightGit(values['git-repo'] ?? io.cwd, values['git-branch'], values.push, io.env);
  },
  async run(values, { io, signal, now, recordMetrics }) {
    return withJsonFailure(io, values.format, 'backup', async () => {
      let requests = 0;
      const { client } = openRegistry(registrySettings(values, io.env), signal, () => requests++);
      const progress = createProgress(progressStyle(values.progress, io.stderr.isTTY ?? false, io.env), 'subjects', (t) => io.stderr.write(t));
      const sourceUrl = (values['registry-url'] ?? '').split(',').map(displayUrl).join(',');
      try {
        io.stderr.write(`backing up ${sourceUrl} …\n`);
        const result = await backup(
          {
            includeDeleted: !values['no-deleted'],
            listing: values.listing,
            sourceUrl,
            toolVersion: packageVersion(),
            parent: values.out,
            ...(values.name !== undefined ? { name: values.name } : {}),
            ...(values['git-branch'] !== undefined ? { git: { repo: values['git-repo'] ?? io.cwd, branch: values['git-branch'], ...(values.push ? { push: values.push } : {}) } } : {}),
            ...(values['s3-bucket'] !== undefined
              ? { s3: { bucket: values['s3-bucket'], prefix: values['s3-prefix'] ?? 'registry-backups/', region: values['s3-region'] ?? io.env['AWS_REGION'], endpoint: values['s3-endpoint'] } }
              : {}),
            retention: { keepLast: values.keep, keepDays: values['keep-days'] },
          },
          {
            client,
            signal,
            now,
            env: io.env as NodeJS.ProcessEnv,
            log: (line) => io.stderr.write(`${line}\n`),
            onProgress: (done, total) => progress.update(done, total),
          },
        );
        progress.finish();
        recordMetrics?.(await backupMetrics(result, requests));
        return writeBackupReport(io, values.format, result);
      } catch (error) {
        progress.finish();
        if (error instanceof BackupError && error.kind === 'stopped') return writeBackupStopped(io, values.format, error.message);
        throw error;
      } finally {
        client.close();
      }
    });
  },
});

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
