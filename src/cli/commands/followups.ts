/** `guardrails followups`: post-mortem follow-up actions as tracked GitHub issues (docs/postmortem-followups.md). */
import { OctokitTracker, DEFAULT_API_URL, type OctokitTrackerOptions } from '../../postmortem/github/octokit.js';
import { OfflineTracker } from '../../postmortem/github/offline.js';
import { syncFollowups } from '../../postmortem/sync.js';
import { EXIT, UsageError } from '../errors.js';
import { flag, option } from '../options/define.js';
import { instantValue } from '../options/instant.js';
import { pathValue } from '../options/path.js';
import { displayUrl, urlValue } from '../options/url.js';
import { defineCommand, type Command, type RunContext } from './command.js';
import { followupsMetrics } from './metrics-followups.js';
import { prepareFollowups, REPO_VALUE, TOKEN_VARIABLES, tokenFrom, type FollowupsValues } from './followups-inputs.js';
import { printProblems, printResult, writeReportFiles } from './followups-output.js';
import { jobFormatOption } from './shared.js';

const GITHUB = 'GitHub';
const CREDENTIALS = `${TOKEN_VARIABLES}, never in a URL`;

const options = {
  config: option({ placeholder: 'PATH', description: 'Config file with a followups: section (default guardrails.yaml, where absent means the defaults)', parse: pathValue('file') }),
  reports: option({ placeholder: 'DIR', description: 'Folder of incident reports (default followups.reports, else postmortems)', parse: pathValue('dir') }),
  repo: option({ placeholder: 'OWNER/NAME', description: 'Repository of the issues (default followups.repo, else $GITHUB_REPOSITORY)', parse: REPO_VALUE }),
  'dry-run': flag('Print what would be created, updated, closed, commented or ticked; change nothing'),
  now: option({ placeholder: 'INSTANT', description: 'Evaluate as of this instant: 2026-01-25 (midnight UTC) or 2026-01-25T09:00:00Z (default: now)', parse: instantValue }),
  format: jobFormatOption,
  json: option({ placeholder: 'FILE', description: 'Also write the --format json document to FILE', parse: pathValue('writable-file') }),
  summary: option({ placeholder: 'FILE', description: 'Append the Markdown job summary to FILE', env: 'GITHUB_STEP_SUMMARY', parse: pathValue('writable-file') }),
  'api-url': option({
    placeholder: 'URL',
    description: `GitHub REST API URL (default ${DEFAULT_API_URL}; GHES: https://HOST/api/v3)`,
    env: 'GITHUB_API_URL',
    parse: urlValue({ credentialsFrom: CREDENTIALS }),
    display: displayUrl,
    fallback: DEFAULT_API_URL,
    group: GITHUB,
  }),
  'server-url': option({
    placeholder: 'URL',
    description: 'GitHub web URL for the report links in issue bodies (default https://github.com)',
    env: 'GITHUB_SERVER_URL',
    parse: urlValue({ credentialsFrom: CREDENTIALS }),
    display: displayUrl,
    fallback: 'https://github.com',
    group: GITHUB,
  }),
};

/** What tests and the benchmark may change: the client's pacing against a local fake. Never the domain itself. */
export interface FollowupsCommandDeps {
  readonly trackerOptions?: Pick<OctokitTrackerOptions, 'throttle' | 'retryAfterBaseValue'>;
}

export function followupsCommandWith(deps: FollowupsCommandDeps = {}): Command {
  // Preflight and run get the same values object: the inputs are read once, in preflight, before any request.
  const prepared = new WeakMap<object, ReturnType<typeof prepareFollowups>>();
  const prepare = (values: FollowupsValues, ctx: RunContext) => {
    let inputs = prepared.get(values);
    if (!inputs) prepared.set(values, (inputs = prepareFollowups(values, ctx)));
    return inputs;
  };
  return defineCommand({
    name: 'followups',
    summary: 'Sync post-mortem follow-up actions to tracked GitHub issues',
    usage: ['followups [--reports DIR] [--config PATH] [--repo OWNER/NAME] [--dry-run] [--now INSTANT] [--format text|json] [--json FILE] [--summary FILE] [--api-url URL]'],
    description: `Turns the Follow-Up Actions of the incident reports (Markdown, strict UTF-8) into GitHub
issues, idempotently: one issue per item, created once and updated when the item is edited; report
checkboxes ticked when issues close; reminders for overdue items; an issue for a P1/P2 incident
without a post-mortem after 48 hours; and a summary of how many follow-ups are done on time.

The token comes from GITHUB_TOKEN (or GH_TOKEN) only, with issues, contents and pull-requests
write. Without a token, --dry-run plans offline, as if no follow-up issues existed yet.

On SIGINT or SIGTERM no new GitHub write starts; the one in flight settles, and the run prints what
was done and what was not, then exits 1. A rerun finishes the work without duplicating issues.`,
    options,
    exits: {
      ok: 'synced (or planned, with --dry-run)',
      failed: 'some report items could not be read (listed as file:line, the rest synced), a GitHub write was refused, or the run was stopped',
      unavailable: 'the GitHub API could not be reached, kept failing after retries, or did not answer with GitHub\'s JSON',
    },
    notes: `Environment: GITHUB_TOKEN or GH_TOKEN; GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL and
GITHUB_STEP_SUMMARY as GitHub Actions sets them. JSON report: docs/postmortem-followups.md#report.`,
    refine(values, { io }) {
      if (!values['dry-run'] && tokenFrom(io.env) === undefined) {
        throw new UsageError(`no GitHub token: set ${TOKEN_VARIABLES} to a token with issues, contents and pull-requests write, or pass --dry-run to plan offline`, 'followups');
      }
    },
    async preflight(values, ctx) {
      await prepare(values, ctx);
    },
    async run(values, ctx) {
      const { io, signal } = ctx;
      const inputs = await prepare(values, ctx);
      const json = values.format === 'json';
      printProblems(inputs.problems, io, { annotations: io.env['GITHUB_ACTIONS'] === 'true', json });
      const progress = (line: string) => (json ? io.stderr : io.stdout).write(`${line}\n`);
      const { token, reportsFolder, ...read } = inputs;
      const tracker = token === undefined || read.repo === undefined
        ? offline(io)
        : OctokitTracker.create({ token, repo: read.repo, baseUrl: values['api-url'], signal, log: (l) => io.stderr.write(`${l}\n`), ...deps.trackerOptions });
      const now = values.now ?? ctx.now();
      const result = await syncFollowups({ ...read, serverUrl: values['server-url'], now, dryRun: values['dry-run'] }, { tracker, signal, progress });
      ctx.recordMetrics?.(followupsMetrics(result.report));
      const exitCode = result.report.problems.length > 0 || result.stopped ? EXIT.FAILED : EXIT.OK;
      const context = { repo: read.repo ?? null, reportsFolder, reportCount: read.reports.length };
      await writeReportFiles(result, exitCode, context, { json: values.json, summary: values.summary });
      printResult(result, exitCode, context, io, values.format);
      return exitCode;
    },
  });
}

export const followupsCommand = followupsCommandWith();

function offline(io: RunContext['io']): OfflineTracker {
  io.stderr.write(`note: no ${TOKEN_VARIABLES}; planning as if the repository had no follow-up issues and every mapped user were assignable\n`);
  return new OfflineTracker();
}
