/** Flags, environment and config for `guardrails followups`, read and validated in one place. */
import { parseArgs } from 'node:util';
import { loadFollowupsConfig, type FollowupsConfig } from './config.js';
import { FollowupsError } from './errors.js';

export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface FollowupsSettings {
  readonly config: FollowupsConfig;
  /** `owner/name` */
  readonly repo?: string;
  readonly token?: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly dryRun: boolean;
  /** Where to write the JSON report, if anywhere. */
  readonly jsonPath?: string;
  /** Where to append the markdown summary ($GITHUB_STEP_SUMMARY by default). */
  readonly summaryPath?: string;
  readonly now: Date;
  readonly annotations: boolean;
}

export const USAGE = `Usage: guardrails followups [options]

Turns the Follow-Up Actions of incident reports into GitHub issues, idempotently, and reports on them.

Options:
  --config <file>    config file with a followups: section (default guardrails.yaml)
  --reports <dir>    folder of incident reports (default: followups.reports, else postmortems)
  --repo <o/name>    repository for issues (default: followups.repo, else $GITHUB_REPOSITORY)
  --dry-run          print what would be created, updated, closed, commented or ticked; change nothing
  --json <file>      write the report as JSON
  --summary <file>   append the markdown summary (default $GITHUB_STEP_SUMMARY)
  --now <iso>        evaluate as of this time (default: now)
  --api-url <url>    GitHub API URL (default $GITHUB_API_URL, else https://api.github.com)
  -h, --help         show this help

Environment: GITHUB_TOKEN (or GH_TOKEN) with issues: write, contents: write, pull-requests: write.
Without a token, --dry-run plans offline, as if no follow-up issues existed yet.
Exit codes: 0 synced; 1 some report items could not be read (listed with file:line) or a GitHub write failed; 2 bad usage or config.
`;

export type ParsedFlags = { help: true } | { help: false; settings: FollowupsSettings };

export async function readSettings(argv: string[], io: CommandIo): Promise<ParsedFlags> {
  let values;
  try {
    values = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        config: { type: 'string' }, reports: { type: 'string' }, repo: { type: 'string' }, 'dry-run': { type: 'boolean' },
        json: { type: 'string' }, summary: { type: 'string' }, now: { type: 'string' }, 'api-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new FollowupsError('config', (e as Error).message, 'Run guardrails followups --help');
  }
  if (values.help) return { help: true };
  const loaded = await loadFollowupsConfig(io.cwd, values.config ?? 'guardrails.yaml');
  const config = values.reports ? { ...loaded, reports: values.reports } : loaded;
  const repo = values.repo ?? config.repo ?? io.env.GITHUB_REPOSITORY;
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new FollowupsError('config', `--repo "${repo}" is not owner/name`);
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new FollowupsError('config', `--now "${values.now}" is not an ISO date-time`);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  const summaryPath = values.summary ?? io.env.GITHUB_STEP_SUMMARY;
  return {
    help: false,
    settings: {
      config, now, dryRun: values['dry-run'] ?? false, annotations: io.env.GITHUB_ACTIONS === 'true',
      apiUrl: (values['api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
      serverUrl: (io.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
      ...(repo ? { repo } : {}), ...(token ? { token } : {}),
      ...(values.json ? { jsonPath: values.json } : {}), ...(summaryPath ? { summaryPath } : {}),
    },
  };
}
