/**
 * `guardrails backup`: options, then the backup, then the destinations (git branch, S3) and
 * retention. Exit 0 when the backup is complete and every destination took it.
 */
import { resolve } from 'node:path';
import { createRegistryClient } from '../registry/index.js';
import { sanitizeUrl } from '../registry/redact.js';
import { createBackup, type BackupResult } from './backup.js';
import { EXIT_CODES, intOption, oneOf, parseOptions, runGuarded, str, UsageError, type CommandIo, type OptionValues } from './command-support.js';
import { pruneDirectory } from './destinations/directory.js';
import { commitToBranch } from './destinations/git-branch.js';
import { uploadToS3 } from './destinations/s3.js';
import { gitIn } from './git.js';
import { createProgress, progressStyle } from './progress.js';
import { registrySettingsFrom } from './registry-env.js';

export const BACKUP_HELP = `guardrails backup --out DIR [options]

Saves every subject of every context of a Schema Registry (soft-deleted ones too), with ids,
versions, references, metadata, rule sets, configs and modes, to DIR/<name>/ with a MANIFEST.json
and a SHA256SUMS. Written under a temporary name and renamed when complete.

Registry:
  --registry-url URL      default: $GUARDRAILS_REGISTRY_URL. Credentials only from the environment:
                          GUARDRAILS_REGISTRY_API_KEY + _API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN
                          (+ _LOGICAL_CLUSTER, _IDENTITY_POOL_ID for Confluent Cloud OAuth)
  --concurrency N         requests in flight (1-64, default 8)
  --listing MODE          auto (bulk GET /schemas, else subject by subject) | bulk | walk
  --no-deleted            leave out soft-deleted subjects and versions
Output:
  --out DIR               parent directory of the backup (required)
  --name NAME             backup directory name (default backup-<UTC time>, e.g. backup-20261126T020000Z)
  --keep N                retention: keep the newest N default-named backups in DIR
  --keep-days N           retention: keep default-named backups younger than N days (with --keep: either keeps)
  --git-branch BRANCH     also commit the backup as the whole tree of BRANCH in the repository at --git-repo
  --git-repo DIR          default: the current directory
  --push REMOTE           push BRANCH to REMOTE after committing (e.g. origin)
  --s3-bucket BUCKET      also upload to s3://BUCKET/<prefix><name>/ (AWS credentials from the default chain)
  --s3-prefix PREFIX      default: registry-backups/
  --s3-region REGION      default: $AWS_REGION or us-east-1
  --s3-endpoint URL       S3-compatible endpoint (path-style)
  --progress MODE         auto | bar | lines | none (default auto: a bar in a terminal, lines in CI)
  --json                  print MANIFEST.json on stdout instead of a summary
  -h, --help

Exit codes: 0 complete, 1 failed (nothing published under the final name), 2 bad options, 3 bug.
`;

const OPTIONS = {
  'registry-url': { type: 'string' },
  concurrency: { type: 'string' },
  listing: { type: 'string' },
  'no-deleted': { type: 'boolean' },
  out: { type: 'string' },
  name: { type: 'string' },
  keep: { type: 'string' },
  'keep-days': { type: 'string' },
  'git-branch': { type: 'string' },
  'git-repo': { type: 'string' },
  push: { type: 'string' },
  's3-bucket': { type: 'string' },
  's3-prefix': { type: 'string' },
  's3-region': { type: 'string' },
  's3-endpoint': { type: 'string' },
  progress: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function runBackupCommand(argv: string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  return runGuarded('backup', io, async (out) => {
    const values = parseOptions(argv, OPTIONS);
    if (values['help']) {
      out.stdout(BACKUP_HELP);
      return EXIT_CODES.OK;
    }
    const settings = readSettings(values, out);
    const client = createRegistryClient(registrySettingsFrom({ url: settings.url, concurrency: settings.concurrency }, out.env));
    const progress = createProgress(progressStyle(settings.progress, out.isTty ?? false, out.env), 'subjects', out.stderr);
    let result: BackupResult;
    try {
      out.stderr(`backing up ${settings.sourceUrl} …\n`);
      result = await createBackup(client, { ...settings, onProgress: (d, t) => progress.update(d, t), now });
    } finally {
      progress.finish();
      client.close();
    }
    await publish(result, settings, out, now);
    out.stdout(settings.json ? `${JSON.stringify(result.manifest, null, 2)}\n` : summary(result));
    return EXIT_CODES.OK;
  });
}

function readSettings(values: OptionValues, io: CommandIo) {
  const outDir = str(values, 'out');
  if (!outDir) throw new UsageError('--out DIR is required');
  const push = str(values, 'push');
  if (push && !str(values, 'git-branch')) throw new UsageError('--push needs --git-branch');
  const registryUrl = str(values, 'registry-url') ?? io.env['GUARDRAILS_REGISTRY_URL'];
  return {
    url: str(values, 'registry-url'),
    // Validated (and stripped of credentials) by registrySettingsFrom; this is only for the manifest.
    sourceUrl: registryUrl ? sanitize(registryUrl) : '',
    concurrency: intOption('concurrency', str(values, 'concurrency'), 1, 64) ?? 8,
    listing: oneOf('listing', str(values, 'listing'), ['auto', 'bulk', 'walk'] as const, 'auto'),
    includeDeleted: values['no-deleted'] !== true,
    parent: resolve(io.cwd, outDir),
    name: checkName(str(values, 'name')),
    keepLast: intOption('keep', str(values, 'keep'), 1, 100_000),
    keepDays: intOption('keep-days', str(values, 'keep-days'), 1, 100_000),
    gitBranch: str(values, 'git-branch'),
    gitRepo: resolve(io.cwd, str(values, 'git-repo') ?? '.'),
    push,
    s3Bucket: str(values, 's3-bucket'),
    s3Prefix: str(values, 's3-prefix') ?? 'registry-backups/',
    s3Region: str(values, 's3-region') ?? io.env['AWS_REGION'],
    s3Endpoint: str(values, 's3-endpoint'),
    progress: oneOf('progress', str(values, 'progress'), ['auto', 'bar', 'lines', 'none'] as const, 'auto'),
    json: values['json'] === true,
    toolVersion: io.version ?? 'unknown',
  };
}

type Settings = ReturnType<typeof readSettings>;

function checkName(name: string | undefined): string | undefined {
  if (name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new UsageError(`--name must be letters, digits, '.', '_' or '-' (not starting with '.' or '-'), got '${name}'`);
  }
  return name;
}

/** Every URL of a comma-separated list without userinfo, query or fragment. */
function sanitize(urls: string): string {
  return urls
    .split(',')
    .map((u) => sanitizeUrl(u.trim()))
    .join(',');
}

async function publish(result: BackupResult, settings: Settings, io: CommandIo, now: () => Date): Promise<void> {
  const name = result.path.slice(settings.parent.length + 1);
  if (settings.gitBranch) {
    const git = gitIn(settings.gitRepo, io.env);
    const message = `registry backup ${name}\n\n${result.manifest.counts.subjects} subjects, ${result.manifest.counts.versions} versions from ${result.manifest.source.url}`;
    const done = await commitToBranch(git, result.path, [...result.files.keys()], { branch: settings.gitBranch, message, pushTo: settings.push });
    io.stderr(`git: ${done.changed ? `committed ${done.commit.slice(0, 12)} to` : 'no change on'} ${settings.gitBranch}${settings.push ? `, pushed to ${settings.push}` : ''}\n`);
  }
  if (settings.s3Bucket) {
    const where = await uploadToS3(result.files, name, {
      bucket: settings.s3Bucket,
      prefix: settings.s3Prefix,
      region: settings.s3Region,
      endpoint: settings.s3Endpoint,
    });
    io.stderr(`s3: uploaded to ${where}\n`);
  }
  if (settings.keepLast !== undefined || settings.keepDays !== undefined) {
    const removed = await pruneDirectory(settings.parent, { keepLast: settings.keepLast, keepDays: settings.keepDays }, now());
    if (removed.length) io.stderr(`retention: removed ${removed.join(', ')}\n`);
  }
}

function summary(result: BackupResult): string {
  const c = result.manifest.counts;
  return [
    `backup complete: ${result.path}`,
    `  ${c.subjects} subjects (${c.deletedSubjects} soft-deleted), ${c.versions} versions (${c.deletedVersions} soft-deleted), ${c.contexts} named contexts`,
    `  listing ${result.manifest.listing}; ${c.files} files checked by SHA256SUMS`,
    '',
  ].join('\n');
}

