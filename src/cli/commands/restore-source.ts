/**
 * The source options of `guardrails restore` (--from, --from-git with --before, --schemas-at), the
 * rules between them, and their cheap preflight: the directory exists, the ref resolves.
 */
import { resolve } from 'node:path';
import { resolveGitSource, BackupError, type BackupSource } from '../../backup/index.js';
import { UsageError } from '../errors.js';
import { flag, option } from '../options/define.js';
import { instantValue } from '../options/instant.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';
import { checkPath, pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { displayUrl, urlValue } from '../options/url.js';

const SOURCE = 'Source (one of --from, --from-git, --schemas-at)';
const S3_LOCATION = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/;

type FromValue = { readonly kind: 'dir'; readonly path: string } | { readonly kind: 's3'; readonly location: string };

/** A backup directory that exists, or `s3://bucket/prefix/name/`. */
const fromValue: Parser<FromValue> = async (text, context) => {
  if (text.startsWith('s3://')) {
    if (!S3_LOCATION.test(text)) throw new InvalidValue('is not s3://BUCKET/PREFIX/NAME/', 'e.g. s3://acme-sr-backups/registry-backups/backup-20261126T020000Z/');
    return { kind: 's3', location: text };
  }
  if (text.trim() === '') throw new InvalidValue('is empty', 'give the directory of a backup');
  return { kind: 'dir', path: await checkPath(resolve(context.cwd, text), 'dir') };
};

export const sourceOptions = {
  from: option({ placeholder: 'DIR|s3://…', description: 'A backup directory, or s3://BUCKET/PREFIX/NAME/ for one uploaded to S3', parse: fromValue, group: SOURCE }),
  'from-git': option({ placeholder: 'REF', description: 'The backup committed at REF (e.g. schema-backups, a commit, a tag)', parse: textValue(), group: SOURCE }),
  before: option({
    placeholder: 'INSTANT',
    description: 'With --from-git: the last commit on REF before it (2026-11-20 = midnight UTC, or 2026-11-20T02:00Z)',
    parse: instantValue,
    group: SOURCE,
  }),
  'git-repo': option({ placeholder: 'DIR', description: 'The repository of --from-git or --schemas-at (default: the current directory)', parse: pathValue('dir'), group: SOURCE }),
  'schemas-at': option({ placeholder: 'REF', description: 'Re-register the schema files of the repository as of REF (git history; no ids kept)', parse: textValue(), group: SOURCE }),
  config: option({ placeholder: 'PATH', description: 'With --schemas-at: the config path at REF (default guardrails.yaml)', parse: textValue(), group: SOURCE }),
  'reset-modes': flag('Only take the backup\'s subjects that a killed restore left in IMPORT out of it (with --from or --from-git)', { group: SOURCE }),
  's3-region': option({ placeholder: 'REGION', description: 'For --from s3://…: default $AWS_REGION, else us-east-1', parse: textValue(/^[a-z0-9-]+$/, 'a region such as eu-west-1'), group: SOURCE }),
  's3-endpoint': option({ placeholder: 'URL', description: 'For --from s3://…: an S3-compatible endpoint', parse: urlValue({ credentialsFrom: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' }), display: displayUrl, group: SOURCE }),
};

export interface SourceValues {
  readonly from: FromValue | undefined;
  readonly 'from-git': string | undefined;
  readonly before: Date | undefined;
  readonly 'git-repo': string | undefined;
  readonly 'schemas-at': string | undefined;
  readonly config: string | undefined;
  readonly 'reset-modes': boolean;
  readonly 's3-region': string | undefined;
  readonly 's3-endpoint': string | undefined;
}

/** The rules between the source options; the other options' rules are in restore.ts. */
export function refineSource(values: SourceValues): void {
  const given = (['from', 'from-git', 'schemas-at'] as const).filter((name) => values[name] !== undefined);
  if (given.length !== 1) {
    const found = given.length === 0 ? 'none was given' : `got ${given.map((g) => `--${g}`).join(' and ')}`;
    usage(`give exactly one of --from DIR|s3://…, --from-git REF or --schemas-at REF (${found})`);
  }
  if (values.before !== undefined && values['from-git'] === undefined) usage('--before needs --from-git');
  if (values['git-repo'] !== undefined && values.from !== undefined) usage('--git-repo goes with --from-git or --schemas-at, not --from');
  if (values.config !== undefined && values['schemas-at'] === undefined) usage('--config needs --schemas-at');
  if (values['reset-modes'] && values['schemas-at'] !== undefined) usage('--reset-modes needs the backup the killed restore ran from: --from or --from-git');
  for (const name of ['s3-region', 's3-endpoint'] as const) {
    if (values[name] !== undefined && values.from?.kind !== 's3') usage(`--${name} needs --from s3://…`);
  }
}

/** The backup source the options name; undefined for --schemas-at. */
export function backupSource(values: SourceValues, cwd: string, env: Readonly<Record<string, string | undefined>>): BackupSource | undefined {
  if (values.from?.kind === 'dir') return values.from;
  if (values.from?.kind === 's3') return { ...values.from, region: values['s3-region'] ?? env['AWS_REGION'], endpoint: values['s3-endpoint'] };
  if (values['from-git'] === undefined) return undefined;
  return { kind: 'git', repo: values['git-repo'] ?? cwd, ref: values['from-git'], ...(values.before ? { before: values.before } : {}) };
}

/** The ref of --from-git (and the commit before --before) resolves, as a usage error naming the option. */
export async function preflightSource(source: BackupSource | undefined, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  if (source?.kind !== 'git') return;
  await resolveGitSource(source, env as NodeJS.ProcessEnv).catch((error: unknown) => {
    if (!(error instanceof BackupError)) throw error;
    const option = source.before ? `--from-git "${source.ref}" --before "${source.before.toISOString()}"` : `--from-git "${source.ref}"`;
    usage(`${option}: ${error.message}`);
  });
}

function usage(message: string): never {
  throw new UsageError(message, 'restore');
}
