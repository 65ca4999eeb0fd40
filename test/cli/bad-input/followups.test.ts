/** The bad-input corpus of `guardrails followups`: refused with one line, the documented exit code, and no request that writes. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const REPORT = readFileSync(new URL('../../../postmortems/2026-01-06-schema-registry-outage.md', import.meta.url), 'utf8');
const CONFIG = 'followups:\n  repo: acme/platform\n';
/** A valid checkout: a report and a config naming the repository. */
const VALID = { 'postmortems/2026-01-06-outage.md': REPORT, 'guardrails.yaml': CONFIG };
const API = ['--api-url', '{fake}'];

const CASES: BadInputCase[] = [
  { name: 'an absolute --reports folder without reports', argv: ['--reports', '{dir}/empty', ...API], files: { 'empty/README.md': '# Reports\n' }, want: { exit: 2, stderr: /--reports "empty" holds no report; a report is a Markdown file \(\*\.md; README\.md, TEMPLATE\.md and _\*\.md are skipped\) with a "## Follow-Up Actions" checklist/ } },
  { name: 'a --reports folder that does not exist', argv: ['--reports', 'nosuchdir', ...API], files: VALID, want: { exit: 2, stderr: /--reports "nosuchdir" does not exist/ } },
  { name: 'a --reports that is a file', argv: ['--reports', 'a-file', ...API], files: { ...VALID, 'a-file': 'x' }, want: { exit: 2, stderr: /--reports "a-file" is a file, not a directory/ } },
  { name: 'a --config that does not exist', argv: ['--config', 'missing.yaml', ...API], files: VALID, want: { exit: 2, stderr: /--config "missing\.yaml" does not exist/ } },
  { name: 'no reports folder at all, by default', argv: [...API], want: { exit: 2, stderr: /followups\.reports \(the default; there is no guardrails\.yaml\) "postmortems" does not exist; fix it, or pass --reports DIR/ } },
  { name: 'a reports folder from the config that does not exist', argv: [...API], files: { 'guardrails.yaml': 'followups:\n  repo: acme/platform\n  reports: incidents/reports\n' }, want: { exit: 2, stderr: /guardrails\.yaml:3:12: followups\.reports "incidents\/reports" does not exist; fix it, or pass --reports DIR/ } },
  {
    name: 'a Latin-1 report, with the byte offset',
    argv: [...API],
    files: { ...VALID, 'postmortems/cafe.md': Buffer.from('# Incident Report: caf\xe9 outage\n', 'latin1') },
    want: { exit: 2, stderr: /postmortems\/cafe\.md:1:23: invalid UTF-8: byte 0xE9 at byte offset 22/ },
  },
  { name: 'a YAML syntax error in the config', argv: [...API], files: { ...VALID, 'guardrails.yaml': 'followups:\n  repo: acme/platform\n  owners: { SRE team: [sre-oncall\n' }, want: { exit: 2, stderr: /^error: guardrails\.yaml:\d+:\d+: invalid YAML: / } },
  { name: 'an unknown key in followups:', argv: [...API], files: { ...VALID, 'guardrails.yaml': 'followups:\n  repo: acme/platform\n  remindrs: { intervalDays: 3 }\n' }, want: { exit: 2, stderr: /guardrails\.yaml:3:3: followups\.remindrs: unknown key; expected one of reports, repo, defaultBranch, labels, owners, reminders, writeback, missingPostmortems/ } },
  { name: 'an unknown nested key', argv: [...API], files: { ...VALID, 'guardrails.yaml': 'followups:\n  writeback: { mod: pr }\n' }, want: { exit: 2, stderr: /guardrails\.yaml:2:16: followups\.writeback\.mod: unknown key; expected one of mode, branch/ } },
  { name: 'a value out of range in the config', argv: [...API], files: { ...VALID, 'guardrails.yaml': 'followups:\n  reminders:\n    intervalDays: 0\n' }, want: { exit: 2, stderr: /guardrails\.yaml:3:19: followups\.reminders\.intervalDays: Too small/ } },
  { name: 'an incident log from the config that does not exist', argv: [...API], files: { ...VALID, 'guardrails.yaml': `${CONFIG}  missingPostmortems: { incidentLog: incidents.yaml }\n` }, want: { exit: 2, stderr: /guardrails\.yaml:3:38: followups\.missingPostmortems\.incidentLog "incidents\.yaml" does not exist/ } },
  { name: 'a --repo that is not OWNER/NAME', argv: ['--repo', 'acme', ...API], files: VALID, want: { exit: 2, stderr: /--repo "acme" is not OWNER\/NAME, e\.g\. acme\/platform/ } },
  { name: 'a $GITHUB_REPOSITORY that is not OWNER/NAME', argv: [...API], env: { GITHUB_REPOSITORY: 'acme platform' }, files: { 'postmortems/a.md': REPORT }, want: { exit: 2, stderr: /\$GITHUB_REPOSITORY "acme platform" is not OWNER\/NAME/ } },
  { name: 'no repository at all', argv: [...API], files: { 'postmortems/a.md': REPORT }, want: { exit: 2, stderr: /no repository for the issues: pass --repo OWNER\/NAME, set followups\.repo in guardrails\.yaml, or set GITHUB_REPOSITORY/ } },
  { name: 'an impossible --now', argv: ['--now', '2026-13-45', ...API], files: VALID, want: { exit: 2, stderr: /--now "2026-13-45" is not a real date or time; use an ISO 8601 date/ } },
  { name: 'a --now without a time zone', argv: ['--now', '2026-01-08T09:00', ...API], files: VALID, want: { exit: 2, stderr: /--now "2026-01-08T09:00" has no time zone; add Z \(UTC\)/ } },
  { name: 'credentials in --api-url', argv: ['--api-url', 'https://octocat:ghp_x@api.github.com'], files: VALID, want: { exit: 2, stderr: /--api-url "https:\/\/api\.github\.com" holds credentials; put them in GITHUB_TOKEN \(or GH_TOKEN\), never in a URL/ } },
  { name: 'credentials in $GITHUB_API_URL', argv: [], env: { GITHUB_API_URL: 'https://x-access-token:abc@ghe.example/api/v3' }, files: VALID, want: { exit: 2, stderr: /\$GITHUB_API_URL "https:\/\/ghe\.example\/api\/v3" holds credentials/ } },
  { name: 'an --api-url that is not http', argv: ['--api-url', 'ftp://api.github.com'], files: VALID, want: { exit: 2, stderr: /--api-url "ftp:\/\/api\.github\.com" is not http or https/ } },
  { name: 'no token without --dry-run', argv: [...API], env: { GITHUB_TOKEN: '' }, files: VALID, want: { exit: 2, stderr: /no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\) to a token with issues, contents and pull-requests write, or pass --dry-run/ } },
  { name: '--json below a file', argv: ['--json', 'a-file/report.json', ...API], files: { ...VALID, 'a-file': 'x' }, want: { exit: 2, stderr: /--json "a-file\/report\.json" cannot be created: .*a-file is a file, not a directory/ } },
  { name: '--summary that is a directory', argv: ['--summary', 'postmortems', ...API], files: VALID, want: { exit: 2, stderr: /--summary "postmortems" is a directory, not a file/ } },
  { name: 'an unknown format', argv: ['--format', 'yaml', ...API], files: VALID, want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'an unknown option, with the nearest one', argv: ['--dryrun', ...API], files: VALID, want: { exit: 2, stderr: /Unknown option '--dryrun'; did you mean --dry-run\?/ } },
];

const HTML_API: BadInputCase = {
  name: 'an API that answers HTML, not GitHub JSON',
  argv: [...API],
  files: VALID,
  want: { exit: 4, stderr: /^error: the GitHub API at http:\/\/127\.0\.0\.1:\d+ answered \/repos\/acme\/platform\/issues with text\/html, not GitHub's JSON; check --api-url/ },
};

const REJECTED_TOKEN: BadInputCase = {
  name: 'a token GitHub rejects',
  argv: [...API],
  files: VALID,
  want: { exit: 2, stderr: /^error: GitHub listing issues labelled "postmortem" failed for acme\/platform: 401 Bad credentials; check GITHUB_TOKEN/ },
};

const MISSING_REPO: BadInputCase = {
  name: 'a repository GitHub does not know',
  argv: ['--repo', 'acme/no-such-repo', ...API],
  files: VALID,
  want: { exit: 2, stderr: /^error: GitHub has no repository acme\/no-such-repo that the token can see \(404 listing its issues\); check --repo/ },
};

let fake: StrictFake;
let html: StrictFake;
let unauthorized: StrictFake;
let missing: StrictFake;
beforeAll(async () => {
  fake = await startStrictFake();
  html = await startStrictFake(() => ({ status: 200, body: '<!doctype html><title>Sign in</title>', contentType: 'text/html' }));
  unauthorized = await startStrictFake(() => ({ status: 401, body: { message: 'Bad credentials' } }));
  missing = await startStrictFake(() => ({ status: 404, body: { message: 'Not Found' } }));
});
afterAll(async () => {
  await Promise.all([fake.close(), html.close(), unauthorized.close(), missing.close()]);
});

describe('guardrails followups: bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('followups', c, fake);
  });

  it('refuses all of it before any request to GitHub', () => {
    expect(fake.requests).toEqual([]);
  });

  it(HTML_API.name, async () => {
    await runBadInputCase('followups', HTML_API, html);
  });

  it(REJECTED_TOKEN.name, async () => {
    await runBadInputCase('followups', REJECTED_TOKEN, unauthorized);
  });

  it(MISSING_REPO.name, async () => {
    await runBadInputCase('followups', MISSING_REPO, missing);
  });
});
